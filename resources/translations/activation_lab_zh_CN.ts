<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>FigureExport</name>
    <message>
        <source>Activation Lab figure</source>
        <translation>Activation Lab 图</translation>
    </message>
    <message>
        <source>Exported from Activation Lab</source>
        <translation>由 Activation Lab 导出</translation>
    </message>
    <message>
        <source>Activation Lab</source>
        <translation>Activation Lab</translation>
    </message>
    <message>
        <source>Could not draw a %1×%2 figure.</source>
        <translation>无法绘制 %1×%2 的图。</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>train loss %1 · test %2</source>
        <translation>训练损失 %1 · 测试 %2</translation>
    </message>
    <message>
        <source>train loss %1</source>
        <translation>训练损失 %1</translation>
    </message>
    <message>
        <source>test loss %1</source>
        <translation>测试损失 %1</translation>
    </message>
    <message>
        <source>diverged at epoch %1</source>
        <translation>在第 %1 轮发散</translation>
    </message>
    <message>
        <source>test accuracy %1 %</source>
        <translation>测试准确率 %1 %</translation>
    </message>
    <message>
        <source>train accuracy %1 %</source>
        <translation>训练准确率 %1 %</translation>
    </message>
    <message>
        <source>Linear model (no hidden layer)</source>
        <translation>线性模型（无隐藏层）</translation>
    </message>
    <message>
        <source>There is no activation to draw.</source>
        <translation>没有可绘制的激活函数。</translation>
    </message>
    <message>
        <source>There is no network to draw.</source>
        <translation>没有可绘制的网络。</translation>
    </message>
    <message>
        <source>Decision boundary</source>
        <translation>决策边界</translation>
    </message>
    <message>
        <source>Epoch %1</source>
        <translation>第 %1 轮</translation>
    </message>
    <message>
        <source>inputs %1</source>
        <translation>输入 %1</translation>
    </message>
    <message>
        <source>hidden layers of %1 neurons</source>
        <translation>隐藏层神经元数 %1</translation>
    </message>
    <message>
        <source>The figure is too small for %1 maps.</source>
        <translation>图的尺寸太小，放不下 %1 幅决策边界图。</translation>
    </message>
</context>
<context>
    <name>NetworkZOverlay</name>
    <message>
        <source>The network&apos;s z: %1 (%2 % in view)</source>
        <translation>网络的 z：%1（%2% 在视图内）</translation>
    </message>
</context>
<context>
    <name>PlotExport</name>
    <message>
        <source>There is no plot to save.</source>
        <translation>没有可保存的图。</translation>
    </message>
    <message>
        <source>The PNG scale must be between 1 and 4.</source>
        <translation>PNG 缩放倍数必须在 1 到 4 之间。</translation>
    </message>
    <message>
        <source>Activation Lab</source>
        <translation>Activation Lab</translation>
    </message>
    <message>
        <source>Activation Lab plot</source>
        <translation>Activation Lab 图表</translation>
    </message>
    <message>
        <source>Exported from Activation Lab</source>
        <translation>由 Activation Lab 导出</translation>
    </message>
    <message>
        <source>There is no curve to save.</source>
        <translation>没有可保存的曲线。</translation>
    </message>
    <message>
        <source>The curve has no data: %1.</source>
        <translation>曲线没有数据：%1。</translation>
    </message>
    <message>
        <source>There are no points to save.</source>
        <translation>没有可保存的数据点。</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>There is nothing to save.</source>
        <translation>没有可以保存的内容。</translation>
    </message>
    <message>
        <source>Activation Lab view</source>
        <translation>Activation Lab 视图</translation>
    </message>
    <message>
        <source>the picture could not be drawn</source>
        <translation>无法绘制图像</translation>
    </message>
</context>
<context>
    <name>actlab::ui::ActivationChooser</name>
    <message>
        <source>Classics</source>
        <translation>经典函数</translation>
    </message>
    <message>
        <source>Smooth modern</source>
        <translation>平滑的现代函数</translation>
    </message>
    <message>
        <source>Piecewise and hard</source>
        <translation>分段与硬饱和函数</translation>
    </message>
    <message>
        <source>Filter activations (Ctrl+F)</source>
        <translation>筛选激活函数（Ctrl+F）</translation>
    </message>
    <message>
        <source>Type part of a name, for example &quot;relu&quot;; Up and Down choose.</source>
        <translation>输入名称的一部分，例如“relu”；用上下方向键选择。</translation>
    </message>
    <message>
        <source>Activations</source>
        <translation>激活函数</translation>
    </message>
</context>
<context>
    <name>actlab::ui::ActivationThumbnail</name>
    <message>
        <source>parameters not accepted</source>
        <translation>参数无效</translation>
    </message>
</context>
<context>
    <name>actlab::ui::AppSettings</name>
    <message>
        <source>Could not write the settings to %1</source>
        <translation>无法将设置写入 %1</translation>
    </message>
</context>
<context>
    <name>actlab::ui::BoundaryPlot</name>
    <message>
        <source>Decision boundary</source>
        <translation>决策边界</translation>
    </message>
    <message>
        <source>Output: the decision boundary</source>
        <translation>输出：决策边界</translation>
    </message>
    <message>
        <source>The network&apos;s output over the plane from −6 to 6, coloured by class, with the training points (and the test points when shown).</source>
        <translation>网络在 −6 到 6 的平面上的输出，按类别着色，并显示训练点（显示测试数据时也显示测试点）。</translation>
    </message>
</context>
<context>
    <name>actlab::ui::ClassroomActions</name>
    <message>
        <source>P or Esc: back</source>
        <translation>P 或 Esc：返回</translation>
    </message>
    <message>
        <source>&amp;Next Lesson</source>
        <translation>下一课(&amp;N)</translation>
    </message>
    <message>
        <source>Open the next lesson (Alt+Page Down)</source>
        <translation>打开下一课（Alt+Page Down）</translation>
    </message>
    <message>
        <source>Pre&amp;vious Lesson</source>
        <translation>上一课(&amp;V)</translation>
    </message>
    <message>
        <source>Open the previous lesson (Alt+Page Up)</source>
        <translation>打开上一课（Alt+Page Up）</translation>
    </message>
    <message>
        <source>&amp;Legends</source>
        <translation>图例(&amp;L)</translation>
    </message>
    <message>
        <source>Show or hide the legends of every plot (Ctrl+L)</source>
        <translation>显示或隐藏所有图的图例（Ctrl+L）</translation>
    </message>
    <message>
        <source>P&amp;lot Only</source>
        <translation>仅显示图(&amp;L)</translation>
    </message>
    <message>
        <source>The current page&apos;s main plot alone, filling the window, for a projector (P; Esc leaves)</source>
        <translation>只显示当前页面的主图并占满窗口，适合投影（P；Esc 退出）</translation>
    </message>
    <message>
        <source>Leave Plot Only</source>
        <translation>退出仅显示图</translation>
    </message>
</context>
<context>
    <name>actlab::ui::CodeExportDialog</name>
    <message>
        <source>PyTorch script (.py)</source>
        <translation>PyTorch 脚本（.py）</translation>
    </message>
    <message>
        <source>Jupyter notebook (.ipynb)</source>
        <translation>Jupyter 笔记本（.ipynb）</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>Export to PyTorch</source>
        <translation>导出到 PyTorch</translation>
    </message>
    <message>
        <source>Python code that trains this network exactly as Activation Lab does: the same data, starting weights, mini-batches and updates, in float64. Run it with Python 3 and PyTorch; it prints the losses of every epoch, the same numbers as the app.</source>
        <translation>一段 Python 代码，按 Activation Lab 的方式训练这个网络：相同的数据、初始权重、小批量和更新规则，使用 float64。用 Python 3 和 PyTorch 运行它，它会打印每一轮的损失，与本应用的数值相同。</translation>
    </message>
    <message>
        <source>Initial weights: the code replays the training from epoch 0</source>
        <translation>初始权重：代码从第 0 轮重放训练</translation>
    </message>
    <message>
        <source>Current weights (epoch %L1): the code trains on from here</source>
        <translation>当前权重（第 %L1 轮）：代码从这里继续训练</translation>
    </message>
    <message>
        <source>Current weights: the network has not been trained yet</source>
        <translation>当前权重：网络尚未训练</translation>
    </message>
    <message>
        <source>How many epochs the exported code trains</source>
        <translation>导出的代码训练多少轮</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Start from:</source>
        <translation>起点：</translation>
    </message>
    <message>
        <source>Epochs:</source>
        <translation>轮数：</translation>
    </message>
    <message>
        <source>Preview of the code</source>
        <translation>代码预览</translation>
    </message>
    <message>
        <source>This network cannot be exported: %1</source>
        <translation>这个网络无法导出：%1</translation>
    </message>
    <message>
        <source>The data is written into the code.</source>
        <translation>数据直接写在代码里。</translation>
    </message>
    <message>
        <source>The data has more than 1,000 points: it is saved next to the code as %1.</source>
        <translation>数据超过 1,000 个点：保存在代码旁边的 %1 中。</translation>
    </message>
    <message>
        <source>Open it in Jupyter and run all cells; it ends with the loss curve and the decision boundary.</source>
        <translation>在 Jupyter 中打开并运行所有单元格；最后会画出损失曲线和决策边界。</translation>
    </message>
    <message>
        <source>Run it with: python3 %1</source>
        <translation>运行方法：python3 %1</translation>
    </message>
    <message>
        <source>Export Jupyter Notebook</source>
        <translation>导出 Jupyter 笔记本</translation>
    </message>
    <message>
        <source>Export PyTorch Script</source>
        <translation>导出 PyTorch 脚本</translation>
    </message>
    <message>
        <source>Jupyter notebook (*.ipynb)</source>
        <translation>Jupyter 笔记本 (*.ipynb)</translation>
    </message>
    <message>
        <source>Python script (*.py)</source>
        <translation>Python 脚本 (*.py)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
</context>
<context>
    <name>actlab::ui::ColourLegend</name>
    <message>
        <source>Each colour is a class: the heatmap shows the class the network predicts.</source>
        <translation>每种颜色代表一个类别：热力图显示网络预测的类别。</translation>
    </message>
    <message>
        <source>One scale for everything: the network&apos;s output in the heatmap, the labels of the points, the neurons&apos; outputs and the weights of the links.</source>
        <translation>所有内容共用一个色标：热力图中网络的输出、数据点的标签、神经元的输出以及连线的权重。</translation>
    </message>
    <message>
        <source>class %1</source>
        <translation>类别 %1</translation>
    </message>
    <message>
        <source>Heatmap: the predicted class</source>
        <translation>热力图：预测的类别</translation>
    </message>
    <message>
        <source>one scale for output, data, neurons and weights</source>
        <translation>输出、数据、神经元和权重共用一个色标</translation>
    </message>
</context>
<context>
    <name>actlab::ui::CompareCell</name>
    <message>
        <source>%1: click to open this network in the full view</source>
        <translation>%1：点击以在完整视图中打开此网络</translation>
    </message>
    <message>
        <source>diverged at epoch %1</source>
        <translation>在第 %1 轮发散</translation>
    </message>
    <message>
        <source>loss &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>损失 &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 %&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1 %&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>actlab::ui::CompareView</name>
    <message>
        <source>COMPARE ACTIVATIONS</source>
        <translation>比较激活函数</translation>
    </message>
    <message>
        <source>Choose activations</source>
        <translation>选择激活函数</translation>
    </message>
    <message>
        <source>Tick 2 to 8 activations to train side by side</source>
        <translation>勾选 2 到 8 个激活函数进行并排训练</translation>
    </message>
    <message>
        <source>Same data, same initial weights; each network uses one activation in every hidden layer. Click a map to open it.</source>
        <translation>相同的数据，相同的初始权重；每个网络在所有隐藏层中使用同一个激活函数。点击一张图即可打开该网络。</translation>
    </message>
    <message>
        <source>%1 is chosen. Tick at least one more activation in &quot;Choose activations&quot; to compare.</source>
        <translation>已选择 %1。请在“选择激活函数”中至少再勾选一个激活函数以进行比较。</translation>
    </message>
    <message>
        <source>Train the same network with several activations at once: same data, same starting weights, side by side.
Choose 2 to 8 activations above, or start with the classic eight.</source>
        <translation>用多个激活函数同时训练同一个网络：相同的数据，相同的初始权重，并排显示。
请在上方选择 2 到 8 个激活函数，或从经典的八种开始。</translation>
    </message>
    <message>
        <source>Compare the classic eight</source>
        <translation>比较经典的八种</translation>
    </message>
    <message>
        <source>Sigmoid, Tanh, ReLU, Leaky ReLU, ELU, GELU, SELU and PReLU</source>
        <translation>Sigmoid、Tanh、ReLU、Leaky ReLU、ELU、GELU、SELU 和 PReLU</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <source>Also draw the training loss of every network, dashed.</source>
        <translation>同时用虚线绘制每个网络的训练损失。</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>对数坐标</translation>
    </message>
    <message>
        <source>A logarithmic loss axis: small differences between the activations become visible.</source>
        <translation>对数损失坐标轴：激活函数之间的细微差别也能看清。</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>Plot the loss or the share of correctly classified points.</source>
        <translation>绘制损失，或被正确分类的数据点所占比例。</translation>
    </message>
    <message>
        <source>The classic eight</source>
        <translation>经典的八种</translation>
    </message>
    <message>
        <source>Stop comparing</source>
        <translation>停止比较</translation>
    </message>
    <message>
        <source>Add a Formula…</source>
        <translation>添加公式…</translation>
    </message>
    <message>
        <source>Compare an activation you type as a formula</source>
        <translation>对比一个你用公式输入的激活函数</translation>
    </message>
</context>
<context>
    <name>actlab::ui::CrashRecovery</name>
    <message>
        <source>Restore Unsaved Work?</source>
        <translation>恢复未保存的工作？</translation>
    </message>
    <message>
        <source>Activation Lab did not close properly last time.

Your work was saved automatically at %1. Restore it?</source>
        <translation>Activation Lab 上次没有正常关闭。

你的工作已在 %1 自动保存。要恢复吗？</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Start Afresh</source>
        <translation>重新开始</translation>
    </message>
    <message>
        <source>Either way, a copy of the autosaved work is kept in a file beside the settings.</source>
        <translation>无论选择哪一项，自动保存的工作都会另存一份副本，放在设置文件旁边。</translation>
    </message>
</context>
<context>
    <name>actlab::ui::CurvePlot</name>
    <message>
        <source>%1, pinned: %2</source>
        <translation>%1，已固定：%2</translation>
    </message>
    <message>
        <source>vanishing gradient, |f′| &lt; %1</source>
        <translation>梯度消失，|f′| &lt; %1</translation>
    </message>
    <message>
        <source>dead zone, f′ = 0</source>
        <translation>死区，f′ = 0</translation>
    </message>
    <message>
        <source>Comparison: %1</source>
        <translation>比较：%1</translation>
    </message>
    <message>
        <source>These parameters are not accepted:
%1</source>
        <translation>这些参数无效：
%1</translation>
    </message>
    <message>
        <source>Turn on f, f′ or f″ to see a curve.</source>
        <translation>打开 f、f′ 或 f″ 以显示曲线。</translation>
    </message>
    <message>
        <source>%1: %2 over x from %3 to %4</source>
        <translation>%1：x 从 %3 到 %4 的 %2</translation>
    </message>
    <message>
        <source>f(x) is not a number anywhere on this x range (outside the formula&apos;s domain, such as the log of a negative number).
Widen or move the x range.</source>
        <translation>f(x) 在这个 x 范围内处处都不是数（超出了公式的定义域，例如对负数取对数）。
请扩大或移动 x 范围。</translation>
    </message>
</context>
<context>
    <name>actlab::ui::DataEditor</name>
    <message>
        <source>Import Points</source>
        <translation>导入数据点</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Export Points</source>
        <translation>导出数据点</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Add Point</source>
        <translation>添加数据点</translation>
    </message>
    <message>
        <source>Erase Point</source>
        <translation>擦除数据点</translation>
    </message>
    <message>
        <source>Clear Points</source>
        <translation>清空数据点</translation>
    </message>
    <message>
        <source>Regenerate Data</source>
        <translation>重新生成数据</translation>
    </message>
    <message>
        <source>Change Data</source>
        <translation>更换数据</translation>
    </message>
    <message>
        <source>Could not open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>The points of %1 cannot be used: %2</source>
        <translation>%1 中的数据点无法使用：%2</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>撤销%1(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>重做%1(&amp;R)</translation>
    </message>
    <message>
        <source>Undo the last change of the points (Ctrl+Z)</source>
        <translation>撤销对数据点的上一次更改（Ctrl+Z）</translation>
    </message>
    <message>
        <source>Redo the change of the points (Ctrl+Shift+Z)</source>
        <translation>重做对数据点的更改（Ctrl+Shift+Z）</translation>
    </message>
    <message>
        <source>&amp;Import Points (CSV)…</source>
        <translation>导入数据点（CSV）(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Export Points (CSV)…</source>
        <translation>导出数据点（CSV）(&amp;E)…</translation>
    </message>
</context>
<context>
    <name>actlab::ui::DatasetPanel</name>
    <message>
        <source>%1 training and %2 test points</source>
        <translation>%1 个训练点和 %2 个测试点</translation>
    </message>
    <message>
        <source>Circle</source>
        <translation>圆形</translation>
    </message>
    <message>
        <source>Exclusive or (XOR)</source>
        <translation>异或（XOR）</translation>
    </message>
    <message>
        <source>Two Gaussians</source>
        <translation>两个高斯分布</translation>
    </message>
    <message>
        <source>Spiral</source>
        <translation>螺旋</translation>
    </message>
    <message>
        <source>Two moons</source>
        <translation>双月形</translation>
    </message>
    <message>
        <source>Blobs (several classes)</source>
        <translation>团簇（多类别）</translation>
    </message>
    <message>
        <source>Spiral arms (several classes)</source>
        <translation>螺旋臂（多类别）</translation>
    </message>
    <message>
        <source>Plane (regression)</source>
        <translation>平面（回归）</translation>
    </message>
    <message>
        <source>Gaussian hills (regression)</source>
        <translation>高斯山丘（回归）</translation>
    </message>
    <message>
        <source>Your own points</source>
        <translation>自定义数据点</translation>
    </message>
    <message>
        <source>Training: %1 %</source>
        <translation>训练集：%1 %</translation>
    </message>
    <message>
        <source>Noise: %1</source>
        <translation>噪声：%1</translation>
    </message>
    <message>
        <source>Points: %1</source>
        <translation>数据点：%1</translation>
    </message>
    <message>
        <source>Classes: %1</source>
        <translation>类别数：%1</translation>
    </message>
    <message>
        <source>Click the output plot: left adds class %1 (choose below), right (or Shift+click) class %2.</source>
        <translation>点击输出图：左键添加类别 %1 的点（在下方选择），右键（或 Shift+点击）添加类别 %2 的点。</translation>
    </message>
    <message>
        <source>Click the output plot: left adds the value +1, right (or Shift+click) the value −1.</source>
        <translation>点击输出图：左键添加值为 +1 的点，右键（或 Shift+点击）添加值为 −1 的点。</translation>
    </message>
    <message>
        <source>Click the output plot: left adds a blue point, right (or Shift+click) an orange one.</source>
        <translation>点击输出图：左键添加蓝色点，右键（或 Shift+点击）添加橙色点。</translation>
    </message>
    <message>
        <source>DATA</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>EDIT POINTS</source>
        <translation>编辑数据点</translation>
    </message>
    <message>
        <source>%1: use this dataset (training starts again)</source>
        <translation>%1：使用此数据集（训练将重新开始）</translation>
    </message>
    <message>
        <source>The share of the points used for training; the rest tests the network on points it has not seen.</source>
        <translation>用于训练的数据点比例；其余的点用于在网络未见过的数据上测试它。</translation>
    </message>
    <message>
        <source>How much the points scatter across the ideal boundary.</source>
        <translation>数据点越过理想边界的分散程度。</translation>
    </message>
    <message>
        <source>How many points to generate.</source>
        <translation>要生成的数据点数量。</translation>
    </message>
    <message>
        <source>How many classes the multi-class datasets have.</source>
        <translation>多类别数据集中的类别数量。</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <source>New random points of the same kind (Undo brings the old ones back).</source>
        <translation>生成同类的新随机数据点（撤销可恢复原来的点）。</translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation>导入 CSV…</translation>
    </message>
    <message>
        <source>Load points from a CSV file with columns x, y, label and optionally split (train or test).</source>
        <translation>从 CSV 文件加载数据点，列为 x、y、label，以及可选的 split（train 或 test）。</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Save the points as CSV (x, y, label, split).</source>
        <translation>将数据点保存为 CSV（x、y、label、split）。</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>擦除</translation>
    </message>
    <message>
        <source>Erase mode (E): clicks on the output plot remove the nearest point.</source>
        <translation>擦除模式（E）：在输出图上点击会删除最近的数据点。</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>Remove every point, to draw a dataset of your own (Undo brings them back).</source>
        <translation>删除所有数据点，以便绘制自己的数据集（撤销可恢复）。</translation>
    </message>
    <message>
        <source>Left clicks add class %1</source>
        <translation>左键点击添加类别 %1</translation>
    </message>
</context>
<context>
    <name>actlab::ui::ExplorerExports</name>
    <message>
        <source>Saved the plot to %1.</source>
        <translation>已将图保存到 %1。</translation>
    </message>
    <message>
        <source>Saved %1 points to %2.</source>
        <translation>已将 %1 个点保存到 %2。</translation>
    </message>
    <message>
        <source>Copied the plot image to the clipboard.</source>
        <translation>已将图像复制到剪贴板。</translation>
    </message>
    <message>
        <source>PNG image, %1× (*.png)</source>
        <translation>PNG 图像，%1× (*.png)</translation>
    </message>
    <message>
        <source>SVG vector image (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Export Plot</source>
        <translation>导出图</translation>
    </message>
    <message>
        <source>Export Curve Data</source>
        <translation>导出曲线数据</translation>
    </message>
    <message>
        <source>The current parameters are not accepted (%1), so there is no curve to save.</source>
        <translation>当前参数无效（%1），因此没有可保存的曲线。</translation>
    </message>
    <message>
        <source>CSV table (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <source>Export Plot…</source>
        <translation>导出图…</translation>
    </message>
    <message>
        <source>Save the plot as PNG, SVG or PDF</source>
        <translation>将图保存为 PNG、SVG 或 PDF</translation>
    </message>
    <message>
        <source>Export Curve Data (CSV)…</source>
        <translation>导出曲线数据（CSV）…</translation>
    </message>
    <message>
        <source>Save x, f, f′ and f″ of the current curve as a CSV table</source>
        <translation>将当前曲线的 x、f、f′ 和 f″ 保存为 CSV 表格</translation>
    </message>
    <message>
        <source>Copy Plot Image</source>
        <translation>复制图像</translation>
    </message>
    <message>
        <source>Copy the plot to the clipboard as an image</source>
        <translation>将图以图像形式复制到剪贴板</translation>
    </message>
</context>
<context>
    <name>actlab::ui::ExplorerPage</name>
    <message>
        <source>Pinned %1 as a reference curve.</source>
        <translation>已将 %1 固定为参考曲线。</translation>
    </message>
    <message>
        <source>Only accepted parameters can be pinned.</source>
        <translation>只有有效的参数才能固定。</translation>
    </message>
    <message>
        <source>This curve is already pinned.</source>
        <translation>这条曲线已经固定。</translation>
    </message>
    <message>
        <source>Copied the PyTorch code to the clipboard.</source>
        <translation>已将 PyTorch 代码复制到剪贴板。</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>移除 %1</translation>
    </message>
    <message>
        <source>Compare (%1)</source>
        <translation>比较（%1）</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Point at the plot to read x, f(x), f′(x) and f″(x).</source>
        <translation>将鼠标指向图中即可读取 x、f(x)、f′(x) 和 f″(x)。</translation>
    </message>
    <message>
        <source>f(x)</source>
        <translation>f(x)</translation>
    </message>
    <message>
        <source>Show the activation f(x)</source>
        <translation>显示激活函数 f(x)</translation>
    </message>
    <message>
        <source>f′(x)</source>
        <translation>f′(x)</translation>
    </message>
    <message>
        <source>Show the first derivative f′(x), the gradient factor</source>
        <translation>显示一阶导数 f′(x)，即梯度因子</translation>
    </message>
    <message>
        <source>f″(x)</source>
        <translation>f″(x)</translation>
    </message>
    <message>
        <source>Show the second derivative f″(x), the curvature</source>
        <translation>显示二阶导数 f″(x)，即曲率</translation>
    </message>
    <message>
        <source>Vanishing gradient</source>
        <translation>梯度消失</translation>
    </message>
    <message>
        <source>Shade where |f′(x)| &lt; ε: little gradient flows back through such inputs</source>
        <translation>为 |f′(x)| &lt; ε 的区域着色：这些输入几乎没有梯度回传</translation>
    </message>
    <message>
        <source>Vanishing gradient, |f′| &lt;</source>
        <translation>梯度消失，|f′| &lt;</translation>
    </message>
    <message>
        <source>Threshold ε of the vanishing-gradient zone</source>
        <translation>梯度消失区的阈值 ε</translation>
    </message>
    <message>
        <source>Dead zone</source>
        <translation>死区</translation>
    </message>
    <message>
        <source>Shade where f′(x) = 0 exactly: no gradient at all</source>
        <translation>为 f′(x) 恰好为 0 的区域着色：完全没有梯度</translation>
    </message>
    <message>
        <source>Dead zone, f′ = 0</source>
        <translation>死区，f′ = 0</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>固定</translation>
    </message>
    <message>
        <source>Keep the current curve as a dashed reference (Ctrl+D)</source>
        <translation>将当前曲线保留为虚线参考曲线（Ctrl+D）</translation>
    </message>
    <message>
        <source>Clear Pinned Curves</source>
        <translation>清除固定的曲线</translation>
    </message>
    <message>
        <source>Clear Comparison</source>
        <translation>清除比较</translation>
    </message>
    <message>
        <source>All activations</source>
        <translation>所有激活函数</translation>
    </message>
    <message>
        <source>Show every activation as a small plot of f and f′</source>
        <translation>以 f 和 f′ 的小图显示所有激活函数</translation>
    </message>
    <message>
        <source>Reset view</source>
        <translation>重置视图</translation>
    </message>
    <message>
        <source>Back to x in [−6, 6] with y fitted to the curves (Ctrl+Alt+0)</source>
        <translation>恢复为 x ∈ [−6, 6]，y 轴适应曲线（Ctrl+Alt+0）</translation>
    </message>
    <message>
        <source>Zoom In</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom into the plot (Ctrl+Alt+=; or turn the mouse wheel)</source>
        <translation>放大图（Ctrl+Alt+=；或滚动鼠标滚轮）</translation>
    </message>
    <message>
        <source>Zoom Out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Zoom out of the plot (Ctrl+Alt+−)</source>
        <translation>缩小图（Ctrl+Alt+−）</translation>
    </message>
    <message>
        <source>Find Activation</source>
        <translation>查找激活函数</translation>
    </message>
    <message>
        <source>Type part of an activation&apos;s name to find it</source>
        <translation>输入激活函数名称的一部分进行查找</translation>
    </message>
    <message>
        <source>Remove every pinned reference curve</source>
        <translation>移除所有固定的参考曲线</translation>
    </message>
    <message>
        <source>Show the current activation alone again</source>
        <translation>重新只显示当前激活函数</translation>
    </message>
    <message>
        <source>Overlay other activations on the plot</source>
        <translation>在图中叠加其他激活函数</translation>
    </message>
    <message>
        <source>Compare With</source>
        <translation>比较对象</translation>
    </message>
    <message>
        <source>Pinned Curves</source>
        <translation>固定的曲线</translation>
    </message>
    <message>
        <source>View</source>
        <translation>视图</translation>
    </message>
    <message>
        <source>x from</source>
        <translation>x 从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <source>Activations</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>Left end of the plotted x range</source>
        <translation>绘图 x 范围的左端</translation>
    </message>
    <message>
        <source>Right end of the plotted x range</source>
        <translation>绘图 x 范围的右端</translation>
    </message>
    <message>
        <source>Activations and parameters</source>
        <translation>激活函数与参数</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Signal propagation</source>
        <translation>信号传播</translation>
    </message>
    <message>
        <source>How this activation passes a signal and its gradient through a deep random network: order, chaos and the critical initialisation</source>
        <translation>这个激活函数如何把信号和梯度传过一个深层随机网络：有序、混沌与临界初始化</translation>
    </message>
    <message>
        <source>Your formula: %1</source>
        <translation>自定义公式：%1</translation>
    </message>
    <message>
        <source>The network&apos;s z</source>
        <translation>网络的 z</translation>
    </message>
    <message>
        <source>The histogram of a hidden layer&apos;s inputs z over the training set, sent from the network page&apos;s operating points</source>
        <translation>某个隐藏层在训练集上的输入 z 的直方图，来自网络页的“工作点”</translation>
    </message>
</context>
<context>
    <name>actlab::ui::ExplorerState</name>
    <message>
        <source>The x range needs two finite numbers.</source>
        <translation>x 范围需要两个有限的数。</translation>
    </message>
    <message>
        <source>The x range must stay within ±%1.</source>
        <translation>x 范围必须在 ±%1 以内。</translation>
    </message>
    <message>
        <source>The start of the x range must be below its end.</source>
        <translation>x 范围的起点必须小于终点。</translation>
    </message>
</context>
<context>
    <name>actlab::ui::FormulaDialog</name>
    <message>
        <source>Formula Activation</source>
        <translation>公式激活函数</translation>
    </message>
    <message>
        <source>The hidden layers use this function. Its parameters become sliders beside the network; changing the formula starts training again.</source>
        <translation>隐藏层将使用这个函数。它的参数会成为网络旁边的滑块；修改公式会从头开始训练。</translation>
    </message>
</context>
<context>
    <name>actlab::ui::FormulaEditor</name>
    <message>
        <source>Type a formula in x, for example x*sigmoid(b*x). The curve shown stays until it compiles.</source>
        <translation>请输入一个关于 x 的公式，例如 x*sigmoid(b*x)。在公式能编译之前，当前曲线保持不变。</translation>
    </message>
    <message>
        <source>%1. The previous curve stays shown.</source>
        <translation>%1。之前的曲线保持显示。</translation>
    </message>
    <message>
        <source>The derivatives, simplified for reading. The curves use exact values (automatic differentiation), not these texts.</source>
        <translation>导数公式，已化简以便阅读。曲线使用的是精确值（自动微分），而不是这些文本。</translation>
    </message>
    <message>
        <source>f′ is 0 wherever it exists: backpropagation gets no gradient through this function, so a network of it cannot learn. A steep sigmoid, sigmoid(k*x), is the trainable stand-in.</source>
        <translation>凡是 f′ 存在的地方它都为 0：反向传播无法通过这个函数得到梯度，所以由它组成的网络学不会。陡峭的 sigmoid，即 sigmoid(k*x)，是可以训练的替代品。</translation>
    </message>
    <message>
        <source>Your own formula</source>
        <translation>自定义公式</translation>
    </message>
    <message>
        <source>f(x) = …  e.g. x*sigmoid(b*x)</source>
        <translation>f(x) = …  例如 x*sigmoid(b*x)</translation>
    </message>
    <message>
        <source>Type any f(x): + − * / ^, exp, log, sqrt, tanh, sigmoid, softplus, erf, sin, max, min, abs, step, where(x &lt; 0, a, b) … Every name other than x becomes a parameter with a slider.</source>
        <translation>输入任意 f(x)：+ − * / ^、exp、log、sqrt、tanh、sigmoid、softplus、erf、sin、max、min、abs、step、where(x &lt; 0, a, b) … 除 x 以外的每个名字都会成为带滑块的参数。</translation>
    </message>
    <message>
        <source>Formula of the activation</source>
        <translation>激活函数的公式</translation>
    </message>
    <message>
        <source>Gallery</source>
        <translation>示例库</translation>
    </message>
    <message>
        <source>Ready examples: sine, Gaussian, step, Swish-β, Snake …</source>
        <translation>现成的例子：正弦、高斯、阶跃、Swish-β、Snake …</translation>
    </message>
</context>
<context>
    <name>actlab::ui::FormulaRanges</name>
    <message>
        <source>Sliders of the formula</source>
        <translation>公式的滑块</translation>
    </message>
    <message>
        <source>default</source>
        <translation>默认值</translation>
    </message>
    <message>
        <source>from</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <source>The value the slider starts at and its reset returns to</source>
        <translation>滑块的初始值，也是重置时回到的值</translation>
    </message>
    <message>
        <source>The left end of the slider</source>
        <translation>滑块的左端</translation>
    </message>
    <message>
        <source>The right end of the slider</source>
        <translation>滑块的右端</translation>
    </message>
</context>
<context>
    <name>actlab::ui::FramePresenter</name>
    <message>
        <source>This session cannot be trained: %1</source>
        <translation>此会话无法训练：%1</translation>
    </message>
    <message>
        <source>There are no training points. Click the output plot to add some, or choose a dataset.</source>
        <translation>没有训练数据点。点击输出图添加一些，或选择一个数据集。</translation>
    </message>
    <message>
        <source>Training stopped: the loss became infinite at epoch %1 (the network diverged) with learning rate %2. The last good state is shown. Try a lower learning rate, then press Play.</source>
        <translation>训练已停止：学习率为 %2 时，损失在第 %1 轮变为无穷大（网络发散）。现在显示的是最后一个正常状态。请尝试降低学习率，然后点击“训练”。</translation>
    </message>
    <message>
        <source>%1 diverged with learning rate %2 and stopped; the others go on. Try a lower learning rate.</source>
        <translation>%1 在学习率 %2 下发散并已停止；其他网络继续训练。请尝试降低学习率。</translation>
    </message>
    <message>
        <source>Paused at epoch %1: this is the moment the lesson is about. Press Play to go on training.</source>
        <translation>已在第 %1 轮暂停：这正是本课要讲的时刻。点击“训练”可继续。</translation>
    </message>
    <message>
        <source>Training stopped at epoch %1: the formula activation %2 of hidden layer %3 gave %4 = %5 at x = %6 (outside its domain, or too large). The last good state is shown. Change the formula or its parameters, then press Play.</source>
        <translation>训练在第 %1 轮停止：第 %3 个隐藏层的公式激活函数 %2 在 x = %6 处给出 %4 = %5（超出定义域，或数值过大）。现在显示的是最后一个正常的状态。请修改公式或其参数，然后按“播放”。</translation>
    </message>
</context>
<context>
    <name>actlab::ui::HealthCard</name>
    <message>
        <source>out</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>This network</source>
        <translation>此网络</translation>
    </message>
    <message>
        <source>Gradient norm per layer</source>
        <translation>各层梯度范数</translation>
    </message>
    <message>
        <source>Dead units (%)</source>
        <translation>死亡单元（%）</translation>
    </message>
    <message>
        <source>Gradient norm over epochs</source>
        <translation>梯度范数随训练轮次的变化</translation>
    </message>
    <message>
        <source>Activation mean ± std</source>
        <translation>激活值均值 ± 标准差</translation>
    </message>
    <message>
        <source>Learned PReLU slope over epochs</source>
        <translation>学到的 PReLU 斜率随训练轮次的变化</translation>
    </message>
    <message>
        <source>no dead units</source>
        <translation>没有死亡单元</translation>
    </message>
    <message>
        <source>layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>hidden layer</source>
        <translation>隐藏层</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Gradient health</source>
        <translation>梯度健康状况</translation>
    </message>
    <message>
        <source>Gradient health: %1</source>
        <translation>梯度健康状况：%1</translation>
    </message>
    <message>
        <source>Gradient norm per layer: %1. Dead units per hidden layer: %2.</source>
        <translation>各层梯度范数：%1。各隐藏层死亡单元：%2。</translation>
    </message>
</context>
<context>
    <name>actlab::ui::HealthView</name>
    <message>
        <source>GRADIENT HEALTH</source>
        <translation>梯度健康状况</translation>
    </message>
    <message>
        <source>Gradient norms are on a log scale, the same for every card. When they shrink layer by layer towards the input, the gradient vanishes (deep sigmoid networks). Dead units never fire on any training point (dying ReLU). SELU keeps each layer&apos;s mean near 0 and its spread near 1.</source>
        <translation>梯度范数使用对数坐标，所有卡片相同。若梯度范数朝输入方向逐层变小，就是梯度消失（深层 sigmoid 网络）。死亡单元在任何训练点上都不激活（死亡 ReLU）。SELU 让每层的均值保持在 0 附近、标准差保持在 1 附近。</translation>
    </message>
</context>
<context>
    <name>actlab::ui::HiddenSpacePanel</name>
    <message>
        <source>Axes: the input features</source>
        <translation>坐标轴：输入特征</translation>
    </message>
    <message>
        <source>Axes: the layer&apos;s one unit on both axes</source>
        <translation>坐标轴：两个轴都是该层唯一的单元</translation>
    </message>
    <message>
        <source>Axes: unit 1 and unit 2 of the layer</source>
        <translation>坐标轴：该层的单元 1 和单元 2</translation>
    </message>
    <message>
        <source>Axes: units %1 and %2 (the other units at their mean)</source>
        <translation>坐标轴：单元 %1 和 %2（其余单元取其均值）</translation>
    </message>
    <message>
        <source>Axes: the first two principal components of the points (%1 % and %2 % of the variance)</source>
        <translation>坐标轴：各点的前两个主成分（分别占方差的 %1% 和 %2%）</translation>
    </message>
    <message>
        <source>The dashed line is the decision boundary: the output is affine in this layer, so it is straight.</source>
        <translation>虚线是决策边界：输出对这一层是仿射的，所以它是直线。</translation>
    </message>
    <message>
        <source>Stage: the input</source>
        <translation>阶段：输入</translation>
    </message>
    <message>
        <source>Stage: hidden layer %1 of %2</source>
        <translation>阶段：第 %1 个隐藏层（共 %2 个）</translation>
    </message>
    <message>
        <source>Play through the layers</source>
        <translation>逐层播放</translation>
    </message>
    <message>
        <source>Principal components</source>
        <translation>主成分</translation>
    </message>
    <message>
        <source>Two units</source>
        <translation>两个单元</translation>
    </message>
    <message>
        <source>How a layer wider than 2 is drawn in the plane</source>
        <translation>宽度超过 2 的层如何画到平面上</translation>
    </message>
    <message>
        <source>The unit on the horizontal axis</source>
        <translation>横轴上的单元</translation>
    </message>
    <message>
        <source>The unit on the vertical axis</source>
        <translation>纵轴上的单元</translation>
    </message>
</context>
<context>
    <name>actlab::ui::LayerControls</name>
    <message>
        <source>No hidden layer: the inputs feed the output directly</source>
        <translation>没有隐藏层：输入直接连到输出</translation>
    </message>
    <message>
        <source>Every hidden layer (%1 layers)</source>
        <translation>所有隐藏层（%1 层）</translation>
    </message>
    <message>
        <source>Hidden layer %1 of %2</source>
        <translation>第 %1 个隐藏层（共 %2 个）</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>The activation function of the selected layer, or of every hidden layer while &quot;Same for every hidden layer&quot; is ticked. Changing it starts training again.</source>
        <translation>所选层的激活函数；勾选“所有隐藏层相同”时，则是所有隐藏层的激活函数。更改后训练将重新开始。</translation>
    </message>
    <message>
        <source>Same for every hidden layer</source>
        <translation>所有隐藏层相同</translation>
    </message>
    <message>
        <source>When ticked, the activation and its parameters apply to all hidden layers at once, as in TensorFlow Playground.</source>
        <translation>勾选后，激活函数及其参数同时应用于所有隐藏层，与 TensorFlow Playground 相同。</translation>
    </message>
    <message>
        <source>PReLU weight</source>
        <translation>PReLU 权重</translation>
    </message>
    <message>
        <source>one per layer</source>
        <translation>每层一个</translation>
    </message>
    <message>
        <source>one per neuron</source>
        <translation>每个神经元一个</translation>
    </message>
    <message>
        <source>PReLU learns the slope of its negative side: one slope shared by the layer (PyTorch&apos;s default) or one per neuron.</source>
        <translation>PReLU 会学习负半轴的斜率：整层共享一个斜率（PyTorch 的默认设置），或每个神经元各有一个。</translation>
    </message>
    <message>
        <source>Comparing activations: this network uses %1 in every hidden layer. Stop comparing to choose activations per layer.</source>
        <translation>正在比较激活函数：此网络的所有隐藏层都使用 %1。停止比较后才能为每层分别选择激活函数。</translation>
    </message>
    <message>
        <source>Formula: %1</source>
        <translation>公式：%1</translation>
    </message>
    <message>
        <source>Your formula…</source>
        <translation>自定义公式…</translation>
    </message>
</context>
<context>
    <name>actlab::ui::LedgerPanel</name>
    <message>
        <source>out</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>h%1</source>
        <translation>隐%1</translation>
    </message>
    <message>
        <source>Click a training point on the map, and choose the first-layer weight below: the ledger shows how back-propagation builds its gradient.</source>
        <translation>在图上点击一个训练点，并在下方选择第一层的权重：账本显示反向传播如何一步步算出它的梯度。</translation>
    </message>
    <message>
        <source>Weight from input feature</source>
        <translation>权重：从输入特征</translation>
    </message>
    <message>
        <source>to first-layer unit</source>
        <translation>到第一层单元</translation>
    </message>
    <message>
        <source>‖δ‖ of the layer</source>
        <translation>该层的 ‖δ‖</translation>
    </message>
    <message>
        <source>bound from f′ alone: ‖δ_out‖ × Π sup |f′|</source>
        <translation>仅由 f′ 给出的上界：‖δ_out‖ × Π sup |f′|</translation>
    </message>
    <message>
        <source>norm (log scale)</source>
        <translation>范数（对数刻度）</translation>
    </message>
    <message>
        <source>&lt;tr&gt;&lt;td&gt;&lt;b&gt;Output&lt;/b&gt;&lt;/td&gt;&lt;td&gt;o = %1, t = %2, loss %3&lt;/td&gt;&lt;/tr&gt;</source>
        <translation>&lt;tr&gt;&lt;td&gt;&lt;b&gt;输出&lt;/b&gt;&lt;/td&gt;&lt;td&gt;o = %1，t = %2，损失 %3&lt;/td&gt;&lt;/tr&gt;</translation>
    </message>
    <message>
        <source>Output layer</source>
        <translation>输出层</translation>
    </message>
    <message>
        <source>Hidden layer %1</source>
        <translation>隐藏层 %1</translation>
    </message>
    <message>
        <source>∂L/∂o</source>
        <translation>∂L/∂o</translation>
    </message>
    <message>
        <source>Wᵀδ</source>
        <translation>Wᵀδ</translation>
    </message>
    <message>
        <source>f′(z) = %1 ⊙ </source>
        <translation>f′(z) = %1 ⊙ </translation>
    </message>
    <message>
        <source>&lt;tr&gt;&lt;td&gt;&lt;b&gt;∂L/∂w&lt;/b&gt;&lt;/td&gt;&lt;td&gt;= δ(unit %1) × feature %2 (%3) = &lt;b&gt;%4&lt;/b&gt;; the trainer computes %5 (relative difference %6)&lt;/td&gt;&lt;/tr&gt;</source>
        <translation>&lt;tr&gt;&lt;td&gt;&lt;b&gt;∂L/∂w&lt;/b&gt;&lt;/td&gt;&lt;td&gt;= δ（单元 %1）× 特征 %2（%3）= &lt;b&gt;%4&lt;/b&gt;；训练器算出的是 %5（相对差 %6）&lt;/td&gt;&lt;/tr&gt;</translation>
    </message>
</context>
<context>
    <name>actlab::ui::LegendControl</name>
    <message>
        <source>Legend at the top left</source>
        <translation>图例在左上</translation>
    </message>
    <message>
        <source>Legend at the top right</source>
        <translation>图例在右上</translation>
    </message>
    <message>
        <source>Legend at the bottom left</source>
        <translation>图例在左下</translation>
    </message>
    <message>
        <source>Legend at the bottom right</source>
        <translation>图例在右下</translation>
    </message>
    <message>
        <source>Legend beside the plot</source>
        <translation>图例在图旁边</translation>
    </message>
    <message>
        <source>Legend below the plot</source>
        <translation>图例在图下方</translation>
    </message>
    <message>
        <source>Hide This Legend</source>
        <translation>隐藏此图例</translation>
    </message>
    <message>
        <source>Show Legends</source>
        <translation>显示图例</translation>
    </message>
    <message>
        <source>Show or hide the legends of every plot (Ctrl+L)</source>
        <translation>显示或隐藏所有图的图例（Ctrl+L）</translation>
    </message>
</context>
<context>
    <name>actlab::ui::LessonBanner</name>
    <message>
        <source>About this session</source>
        <translation>关于此会话</translation>
    </message>
    <message>
        <source>Hide the explanation (the Lessons menu shows it again)</source>
        <translation>隐藏说明（可在“课程”菜单中再次显示）</translation>
    </message>
    <message>
        <source>Hide the lesson</source>
        <translation>隐藏课程</translation>
    </message>
    <message>
        <source>Show the lesson&apos;s text</source>
        <translation>显示课程文字</translation>
    </message>
    <message>
        <source>Fold the text to its title</source>
        <translation>将文字折叠为标题</translation>
    </message>
</context>
<context>
    <name>actlab::ui::LossChart</name>
    <message>
        <source>Epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Test loss</source>
        <translation>测试损失</translation>
    </message>
    <message>
        <source>Training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <source>Accuracy (%)</source>
        <translation>准确率（%）</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>测试</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Training accuracy (%)</source>
        <translation>训练准确率（%）</translation>
    </message>
    <message>
        <source>test (solid)</source>
        <translation>测试（实线）</translation>
    </message>
    <message>
        <source>training (dashed)</source>
        <translation>训练（虚线）</translation>
    </message>
    <message>
        <source>epoch %1: training %2, test %3</source>
        <translation>第 %1 轮：训练 %2，测试 %3</translation>
    </message>
    <message>
        <source>%1 at epoch %2: training %3, test %4</source>
        <translation>%1 第 %2 轮：训练 %3，测试 %4</translation>
    </message>
    <message>
        <source>Loss over the epochs</source>
        <translation>各轮的损失</translation>
    </message>
    <message>
        <source>No epochs yet</source>
        <translation>尚未训练</translation>
    </message>
</context>
<context>
    <name>actlab::ui::MainWindow</name>
    <message>
        <source>%1 (cannot be read)</source>
        <translation>%1（无法读取）</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>&amp;%1 %2</source>
        <translation>&amp;%1 %2</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>没有最近的文件</translation>
    </message>
    <message>
        <source>Clear Recent Files</source>
        <translation>清除最近的文件</translation>
    </message>
    <message>
        <source>Activation Explorer</source>
        <translation>激活函数探索</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Each activation function with its derivatives and parameters</source>
        <translation>每个激活函数及其导数和参数</translation>
    </message>
    <message>
        <source>Train a small network on 2D data and compare activations</source>
        <translation>在二维数据上训练小型网络并比较激活函数</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New Session</source>
        <translation>新建会话(&amp;N)</translation>
    </message>
    <message>
        <source>Start again from the default experiment (Ctrl+N)</source>
        <translation>从默认实验重新开始（Ctrl+N）</translation>
    </message>
    <message>
        <source>&amp;Open Session…</source>
        <translation>打开会话(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a saved session (.actlab.json) (Ctrl+O)</source>
        <translation>打开已保存的会话（.actlab.json）（Ctrl+O）</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Save Session</source>
        <translation>保存会话(&amp;S)</translation>
    </message>
    <message>
        <source>Save the data, the network and its weights (Ctrl+S)</source>
        <translation>保存数据、网络及其权重（Ctrl+S）</translation>
    </message>
    <message>
        <source>Save Session &amp;As…</source>
        <translation>会话另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Save the session to a new file (Ctrl+Shift+S)</source>
        <translation>将会话保存到新文件（Ctrl+Shift+S）</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>PNG Export Scale</source>
        <translation>PNG 导出缩放倍数</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Close Activation Lab (Ctrl+Q)</source>
        <translation>关闭 Activation Lab（Ctrl+Q）</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>Copy PyTorch Code</source>
        <translation>复制 PyTorch 代码</translation>
    </message>
    <message>
        <source>Copy the PyTorch code of the current activation</source>
        <translation>复制当前激活函数的 PyTorch 代码</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>Follow the System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>High Contrast (Projector)</source>
        <translation>高对比度（投影仪）</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Curves</source>
        <translation>曲线(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Network</source>
        <translation>网络(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation>课程(&amp;L)</translation>
    </message>
    <message>
        <source>Show the Lesson&apos;s Explanation</source>
        <translation>显示课程说明</translation>
    </message>
    <message>
        <source>Show the explanation above the pages again</source>
        <translation>在页面上方重新显示说明</translation>
    </message>
    <message>
        <source>Open My Lessons Folder</source>
        <translation>打开我的课程文件夹</translation>
    </message>
    <message>
        <source>Session files placed here appear in this menu (%1)</source>
        <translation>放在这里的会话文件会出现在此菜单中（%1）</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>Every keyboard shortcut of the window (F1)</source>
        <translation>窗口的所有键盘快捷键（F1）</translation>
    </message>
    <message>
        <source>&amp;About Activation Lab</source>
        <translation>关于 Activation Lab(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 &amp;Qt</translation>
    </message>
    <message>
        <source>Space trains or pauses. Click the output plot to add points; point at a neuron to see its output large.</source>
        <translation>空格键开始或暂停训练。点击输出图可添加数据点；将鼠标指向神经元可放大查看其输出。</translation>
    </message>
    <message>
        <source>Choose an activation on the left; drag its parameters and watch f, f′ and f″ follow.</source>
        <translation>在左侧选择一个激活函数；拖动其参数，观察 f、f′ 和 f″ 随之变化。</translation>
    </message>
    <message>
        <source>%1[*] — Activation Lab</source>
        <translation>%1[*] — Activation Lab</translation>
    </message>
    <message>
        <source>There is no lesson %1; the lessons are numbered 1 to %2.</source>
        <translation>没有第 %1 课；课程编号为 1 到 %2。</translation>
    </message>
    <message>
        <source>About Activation Lab</source>
        <translation>关于 Activation Lab</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Activation Lab %1&lt;/h3&gt;&lt;p&gt;Explore and teach the activation functions of neural networks: f, f′ and f″, their parameters, and how each one shapes what a small network learns.&lt;/p&gt;&lt;p&gt;Activation Lab is free software under the GNU General Public License, version 3 or later.&lt;/p&gt;&lt;p&gt;It is built with Qt %2 (GNU LGPL version 3) and QCustomPlot (GNU GPL version 3), and uses the JSON library of Niels Lohmann (MIT).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Activation Lab %1&lt;/h3&gt;&lt;p&gt;探索和讲授神经网络的激活函数：f、f′ 和 f″，它们的参数，以及每个激活函数如何影响小型网络学到的内容。&lt;/p&gt;&lt;p&gt;Activation Lab 是自由软件，依据 GNU 通用公共许可证第 3 版或更高版本发布。&lt;/p&gt;&lt;p&gt;它基于 Qt %2（GNU LGPL 第 3 版）和 QCustomPlot（GNU GPL 第 3 版）构建，并使用 Niels Lohmann 的 JSON 库（MIT）。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Measure Activation Speed…</source>
        <translation>测量激活函数速度(&amp;M)…</translation>
    </message>
    <message>
        <source>Time every activation on this computer, relative to ReLU (is GELU faster?)</source>
        <translation>在这台计算机上测量每个激活函数的耗时，并与 ReLU 比较（GELU 更快吗？）</translation>
    </message>
    <message>
        <source>Sweeps</source>
        <translation>参数扫描</translation>
    </message>
    <message>
        <source>A sweep trains the network page&apos;s experiment; click a dot or a cell to open that run there.</source>
        <translation>参数扫描训练的是“网络”页面上的实验；点击一个点或一个格子即可在那里打开该次运行。</translation>
    </message>
</context>
<context>
    <name>actlab::ui::MetricsBoard</name>
    <message>
        <source>Test loss</source>
        <translation>测试损失</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>Training loss</source>
        <translation>训练损失</translation>
    </message>
</context>
<context>
    <name>actlab::ui::ModelSetupPanel</name>
    <message>
        <source>SETUP</source>
        <translation>模型设置</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出层</translation>
    </message>
    <message>
        <source>Tanh, squared error (Playground)</source>
        <translation>Tanh，平方误差（Playground）</translation>
    </message>
    <message>
        <source>Sigmoid, cross-entropy</source>
        <translation>Sigmoid，交叉熵</translation>
    </message>
    <message>
        <source>Softmax, cross-entropy</source>
        <translation>Softmax，交叉熵</translation>
    </message>
    <message>
        <source>Linear, squared error (regression)</source>
        <translation>线性，平方误差（回归）</translation>
    </message>
    <message>
        <source>The output unit and the loss it is trained with (output and loss). Only the choices that fit the data are offered.</source>
        <translation>输出单元及训练所用的损失函数（输出与损失）。只提供适合当前数据的选项。</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>初始权重</translation>
    </message>
    <message>
        <source>Uniform ±0.5 (Playground)</source>
        <translation>均匀分布 ±0.5（Playground）</translation>
    </message>
    <message>
        <source>Xavier (Glorot)</source>
        <translation>Xavier（Glorot）</translation>
    </message>
    <message>
        <source>He (Kaiming)</source>
        <translation>He（Kaiming）</translation>
    </message>
    <message>
        <source>LeCun (for SELU)</source>
        <translation>LeCun（用于 SELU）</translation>
    </message>
    <message>
        <source>The initialisation: how the starting weights are drawn. He suits the ReLU family, Xavier tanh and sigmoid, LeCun SELU.</source>
        <translation>初始化方式：初始权重如何抽取。He 适合 ReLU 系列，Xavier 适合 tanh 和 sigmoid，LeCun 适合 SELU。</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练方式</translation>
    </message>
    <message>
        <source>Standard mini-batches</source>
        <translation>标准小批量</translation>
    </message>
    <message>
        <source>Exactly as Playground</source>
        <translation>与 Playground 完全一致</translation>
    </message>
    <message>
        <source>Standard: shuffled mini-batches each epoch. Playground: TensorFlow Playground&apos;s own update rule, to reproduce its runs (plain SGD).</source>
        <translation>标准：每轮打乱顺序后按小批量训练。Playground：采用 TensorFlow Playground 自己的更新规则，以复现其运行结果（普通 SGD）。</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>The seed of the starting weights and of the shuffling: the same seed gives the same run.</source>
        <translation>初始权重和打乱顺序所用的随机种子：相同的种子得到相同的训练过程。</translation>
    </message>
    <message>
        <source>A new random seed (new starting weights)</source>
        <translation>新的随机种子（新的初始权重）</translation>
    </message>
</context>
<context>
    <name>actlab::ui::NetworkDiagram</name>
    <message>
        <source>1 HIDDEN LAYER</source>
        <translation>1 个隐藏层</translation>
    </message>
    <message>
        <source>%1 HIDDEN LAYERS</source>
        <translation>%1 个隐藏层</translation>
    </message>
    <message>
        <source>Add a hidden layer (at most %1)</source>
        <translation>添加一个隐藏层（最多 %1 个）</translation>
    </message>
    <message>
        <source>Remove the last hidden layer</source>
        <translation>删除最后一个隐藏层</translation>
    </message>
    <message>
        <source>Input feature %1: click to feed it into the network or to leave it out. The thumbnail shows its value over the plane.</source>
        <translation>输入特征 %1：点击可将其输入网络或将其去掉。缩略图显示它在平面上的取值。</translation>
    </message>
    <message>
        <source>One more neuron in layer %1 (at most %2)</source>
        <translation>第 %1 层增加一个神经元（最多 %2 个）</translation>
    </message>
    <message>
        <source>One neuron fewer in layer %1</source>
        <translation>第 %1 层减少一个神经元</translation>
    </message>
    <message>
        <source>Layer %1 uses %2. Click to choose its activation and parameters below the diagram.</source>
        <translation>第 %1 层使用 %2。点击后可在示意图下方选择它的激活函数和参数。</translation>
    </message>
    <message>
        <source>1 neuron</source>
        <translation>1 个神经元</translation>
    </message>
    <message>
        <source>%1 neurons</source>
        <translation>%1 个神经元</translation>
    </message>
    <message>
        <source>layer %1, neuron %2</source>
        <translation>第 %1 层，第 %2 个神经元</translation>
    </message>
    <message>
        <source>Layer %1, neuron %2 (%3)</source>
        <translation>第 %1 层，第 %2 个神经元（%3）</translation>
    </message>
    <message>
        <source>Output %1</source>
        <translation>输出 %1</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Bias: %1</source>
        <translation>偏置：%1</translation>
    </message>
    <message>
        <source>Learned PReLU weight: %1</source>
        <translation>学到的 PReLU 权重：%1</translation>
    </message>
    <message>
        <source>The thumbnail is its output over the plane; it is shown large in the output plot while you point at it.</source>
        <translation>缩略图是它在平面上的输出；鼠标指向它时，输出图中会放大显示。</translation>
    </message>
    <message>
        <source>output %1</source>
        <translation>输出 %1</translation>
    </message>
    <message>
        <source>the output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Weight from %1 to %2: %3</source>
        <translation>从 %1 到 %2 的权重：%3</translation>
    </message>
</context>
<context>
    <name>actlab::ui::NetworkEditor</name>
    <message>
        <source>Playground&apos;s exact training needs a tanh or linear output.</source>
        <translation>Playground 的精确训练方式需要 tanh 或线性输出。</translation>
    </message>
    <message>
        <source>The network needs at least one input feature.</source>
        <translation>网络至少需要一个输入特征。</translation>
    </message>
    <message>
        <source>Add a &amp;Layer</source>
        <translation>添加一层(&amp;L)</translation>
    </message>
    <message>
        <source>Remove the Last La&amp;yer</source>
        <translation>删除最后一层(&amp;Y)</translation>
    </message>
    <message>
        <source>Add a Neuron to the Selected Layer</source>
        <translation>向所选层添加一个神经元</translation>
    </message>
    <message>
        <source>Remove a Neuron from the Selected Layer</source>
        <translation>从所选层删除一个神经元</translation>
    </message>
</context>
<context>
    <name>actlab::ui::NetworkExports</name>
    <message>
        <source>Export Decision Boundary</source>
        <translation>导出决策边界</translation>
    </message>
    <message>
        <source>Export Loss Chart</source>
        <translation>导出损失曲线图</translation>
    </message>
    <message>
        <source>Export Current View</source>
        <translation>导出当前视图</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG image (*.svg);;PDF document (*.pdf)</source>
        <translation>PNG 图像 (*.png);;SVG 图像 (*.svg);;PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Please use a .png, .svg or .pdf file name.</source>
        <translation>请使用 .png、.svg 或 .pdf 文件名。</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Export Decision &amp;Boundary…</source>
        <translation>导出决策边界(&amp;B)…</translation>
    </message>
    <message>
        <source>Export &amp;Loss Chart…</source>
        <translation>导出损失曲线图(&amp;L)…</translation>
    </message>
    <message>
        <source>Export Current &amp;View…</source>
        <translation>导出当前视图(&amp;V)…</translation>
    </message>
    <message>
        <source>Save the network diagram, the comparison grid or the gradient-health view as shown, as PNG, SVG or PDF</source>
        <translation>把当前显示的网络图、比较网格或梯度健康视图保存为 PNG、SVG 或 PDF</translation>
    </message>
    <message>
        <source>&amp;PyTorch Script…</source>
        <translation>PyTorch 脚本(&amp;P)…</translation>
    </message>
    <message>
        <source>Save Python code that trains this network exactly as the app does and prints the same losses</source>
        <translation>保存一段 Python 代码：按本应用的方式训练这个网络，并打印相同的损失</translation>
    </message>
    <message>
        <source>&amp;Jupyter Notebook…</source>
        <translation>Jupyter 笔记本(&amp;J)…</translation>
    </message>
    <message>
        <source>Save the same code as a Jupyter notebook, with explanations, a loss curve and the decision boundary</source>
        <translation>把同样的代码保存为 Jupyter 笔记本，附带说明、损失曲线和决策边界</translation>
    </message>
</context>
<context>
    <name>actlab::ui::NetworkPage</name>
    <message>
        <source>Erase mode: click a point on the output plot to remove it.</source>
        <translation>擦除模式：在输出图上点击一个数据点即可删除它。</translation>
    </message>
    <message>
        <source>%1: network %2 of %3 compared</source>
        <translation>%1：比较中的第 %2 个网络（共 %3 个）</translation>
    </message>
    <message>
        <source>Showing %1</source>
        <translation>正在显示 %1</translation>
    </message>
    <message>
        <source>All points removed: click the output plot to draw your own. Undo (Ctrl+Z) brings them back.</source>
        <translation>已删除所有数据点：点击输出图绘制自己的数据。撤销（Ctrl+Z）可恢复。</translation>
    </message>
    <message>
        <source>New points. Undo (Ctrl+Z) brings the previous ones back.</source>
        <translation>已生成新的数据点。撤销（Ctrl+Z）可恢复之前的点。</translation>
    </message>
    <message>
        <source>&amp;Compare the Classic Eight</source>
        <translation>比较经典的八种(&amp;C)</translation>
    </message>
    <message>
        <source>Epoch %1</source>
        <translation>第 %1 轮</translation>
    </message>
    <message>
        <source>test loss %1</source>
        <translation>测试损失 %1</translation>
    </message>
    <message>
        <source>training loss %1</source>
        <translation>训练损失 %1</translation>
    </message>
    <message>
        <source>Data and setup</source>
        <translation>数据与设置</translation>
    </message>
    <message>
        <source>Compare mode: this exports the network shown, %1. Show another one (N) to export it.</source>
        <translation>对比模式：导出的是当前显示的网络 %1。要导出其他网络，请先切换显示（N）。</translation>
    </message>
    <message>
        <source>Why ▸ Chain rule now follows this weight (input %1 → unit %2).</source>
        <translation>“原理 ▸ 链式法则”现在跟踪这个权重（输入 %1 → 单元 %2）。</translation>
    </message>
</context>
<context>
    <name>actlab::ui::OperatingPointsPanel</name>
    <message>
        <source>Hidden layer %1 · %2</source>
        <translation>隐藏层 %1 · %2</translation>
    </message>
    <message>
        <source>layer %1 vanishing</source>
        <translation>第 %1 层 梯度消失</translation>
    </message>
    <message>
        <source>layer %1 dead</source>
        <translation>第 %1 层 死亡</translation>
    </message>
    <message>
        <source>Then and now: show where z started (dashed)</source>
        <translation>前后对比：显示 z 起初的位置（虚线）</translation>
    </message>
    <message>
        <source>This network has no hidden layer: nothing passes through an activation.</source>
        <translation>这个网络没有隐藏层：没有任何输入经过激活函数。</translation>
    </message>
    <message>
        <source>Share of (unit, example) pairs in the zones over epochs: vanishing (solid), dead (dashed)</source>
        <translation>各区域中（单元，样本）对的占比随轮次的变化：梯度消失（实线），死亡（虚线）</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>hidden layer %1, epoch %2</source>
        <translation>隐藏层 %1，第 %2 轮</translation>
    </message>
</context>
<context>
    <name>actlab::ui::OperatingPointsPlot</name>
    <message>
        <source>% of pairs</source>
        <translation>占比 %</translation>
    </message>
    <message>
        <source>Click to open %1 in the explorer</source>
        <translation>点击在探索器中打开 %1</translation>
    </message>
    <message>
        <source>%1 — dead %2 %, vanishing %3 %</source>
        <translation>%1 — 死亡 %2%，梯度消失 %3%</translation>
    </message>
</context>
<context>
    <name>actlab::ui::OutputPanel</name>
    <message>
        <source>OUTPUT</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>The loss is the average error; lower is better. Test points were never used for training: they show how well the network generalises.</source>
        <translation>损失是平均误差，越低越好。测试点从未用于训练：它们反映网络的泛化能力。</translation>
    </message>
    <message>
        <source>The network&apos;s output over the plane, with the data on it. Click to add points: left for one class, right or Shift+click for the other.</source>
        <translation>网络在平面上的输出，以及其上的数据。点击可添加数据点：左键添加一类，右键或 Shift+点击添加另一类。</translation>
    </message>
    <message>
        <source>Show test data</source>
        <translation>显示测试数据</translation>
    </message>
    <message>
        <source>Show the test points too, drawn as rings.</source>
        <translation>同时显示测试点，以圆环表示。</translation>
    </message>
    <message>
        <source>Discretize output</source>
        <translation>离散化输出</translation>
    </message>
    <message>
        <source>Show only which side of the threshold each point of the plane falls on.</source>
        <translation>只显示平面上每个点落在阈值的哪一侧。</translation>
    </message>
    <message>
        <source>Logarithmic scale</source>
        <translation>对数坐标</translation>
    </message>
    <message>
        <source>A logarithmic loss axis, to see small losses keep falling.</source>
        <translation>对数损失坐标轴，可以看到很小的损失仍在继续下降。</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>Plot the loss or the share of correctly classified points.</source>
        <translation>绘制损失，或被正确分类的数据点所占比例。</translation>
    </message>
</context>
<context>
    <name>actlab::ui::ParameterPanel</name>
    <message>
        <source>These values are not accepted: %1.</source>
        <translation>这些值无效：%1。</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>This activation has no parameters.</source>
        <translation>此激活函数没有参数。</translation>
    </message>
</context>
<context>
    <name>actlab::ui::ParameterSlider</name>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Reset %1 to its default, %2</source>
        <translation>将 %1 重置为默认值 %2</translation>
    </message>
</context>
<context>
    <name>actlab::ui::PresentationMode</name>
    <message>
        <source>&amp;Presentation Mode</source>
        <translation>演示模式(&amp;P)</translation>
    </message>
    <message>
        <source>Full screen with larger text and thicker lines, for projection (F11)</source>
        <translation>全屏显示，文字更大、线条更粗，适合投影（F11）</translation>
    </message>
    <message>
        <source>&amp;Larger Text and Lines</source>
        <translation>放大文字和线条(&amp;L)</translation>
    </message>
    <message>
        <source>Scale up the text and the lines of the plots (Ctrl+=)</source>
        <translation>放大文字和图中的线条（Ctrl+=）</translation>
    </message>
    <message>
        <source>&amp;Smaller Text and Lines</source>
        <translation>缩小文字和线条(&amp;S)</translation>
    </message>
    <message>
        <source>Scale down the text and the lines of the plots (Ctrl+−)</source>
        <translation>缩小文字和图中的线条（Ctrl+−）</translation>
    </message>
    <message>
        <source>&amp;Reset Text Size</source>
        <translation>重置文字大小(&amp;R)</translation>
    </message>
    <message>
        <source>Back to the normal size of this mode (Ctrl+0)</source>
        <translation>恢复此模式的正常大小（Ctrl+0）</translation>
    </message>
</context>
<context>
    <name>actlab::ui::PropagationPlots</name>
    <message>
        <source>Phase diagram: χ₁ over (σ_w², σ_b²)</source>
        <translation>相图：χ₁ 随 (σ_w², σ_b²) 的变化</translation>
    </message>
    <message>
        <source>σ_w² (weight variance × fan-in)</source>
        <translation>σ_w²（权重方差 × 扇入）</translation>
    </message>
    <message>
        <source>σ_b² (bias variance)</source>
        <translation>σ_b²（偏置方差）</translation>
    </message>
    <message>
        <source>log₂ χ₁: blue ordered, red chaotic</source>
        <translation>log₂ χ₁：蓝色有序，红色混沌</translation>
    </message>
    <message>
        <source>computing…</source>
        <translation>计算中…</translation>
    </message>
    <message>
        <source>critical line χ₁ = 1</source>
        <translation>临界线 χ₁ = 1</translation>
    </message>
    <message>
        <source>Length map: qₗ₊₁ = F(qₗ)</source>
        <translation>长度映射：qₗ₊₁ = F(qₗ)</translation>
    </message>
    <message>
        <source>qₗ (mean square pre-activation)</source>
        <translation>qₗ（预激活的均方值）</translation>
    </message>
    <message>
        <source>qₗ₊₁</source>
        <translation>qₗ₊₁</translation>
    </message>
    <message>
        <source>Correlation map at q*: cₗ₊₁ = C(cₗ)</source>
        <translation>q* 处的相关映射：cₗ₊₁ = C(cₗ)</translation>
    </message>
    <message>
        <source>cₗ (correlation of two inputs)</source>
        <translation>cₗ（两个输入的相关系数）</translation>
    </message>
    <message>
        <source>cₗ₊₁</source>
        <translation>cₗ₊₁</translation>
    </message>
    <message>
        <source>Through the layers, from q₀ = 1, c₀ = 0.5</source>
        <translation>逐层传播，从 q₀ = 1、c₀ = 0.5 开始</translation>
    </message>
    <message>
        <source>layer l</source>
        <translation>第 l 层</translation>
    </message>
    <message>
        <source>length qₗ (log)</source>
        <translation>长度 qₗ（对数）</translation>
    </message>
    <message>
        <source>correlation cₗ</source>
        <translation>相关系数 cₗ</translation>
    </message>
    <message>
        <source>qₗ theory</source>
        <translation>qₗ 理论</translation>
    </message>
    <message>
        <source>cₗ theory</source>
        <translation>cₗ 理论</translation>
    </message>
    <message>
        <source>qₗ simulated</source>
        <translation>qₗ 模拟</translation>
    </message>
    <message>
        <source>cₗ simulated</source>
        <translation>cₗ 模拟</translation>
    </message>
    <message>
        <source>Gradient ratio |δ₀|²/|δₗ|² = ∏ χ</source>
        <translation>梯度比 |δ₀|²/|δₗ|² = ∏ χ</translation>
    </message>
    <message>
        <source>ratio (log)</source>
        <translation>比值（对数）</translation>
    </message>
    <message>
        <source>theory</source>
        <translation>理论</translation>
    </message>
    <message>
        <source>simulated</source>
        <translation>模拟</translation>
    </message>
    <message>
        <source>Mean and variance by layer (self-normalisation)</source>
        <translation>逐层的均值与方差（自归一化）</translation>
    </message>
    <message>
        <source>mean μₗ</source>
        <translation>均值 μₗ</translation>
    </message>
    <message>
        <source>variance νₗ</source>
        <translation>方差 νₗ</translation>
    </message>
    <message>
        <source>fixed point</source>
        <translation>不动点</translation>
    </message>
    <message>
        <source>This activation is odd, f(−x) = −f(x): the mean of its outputs stays 0, so only the length and the correlation matter.</source>
        <translation>这个激活函数是奇函数，f(−x) = −f(x)：输出的均值保持为 0，所以只有长度和相关系数起作用。</translation>
    </message>
</context>
<context>
    <name>actlab::ui::PropagationView</name>
    <message>
        <source>σ_w²:</source>
        <translation>σ_w²：</translation>
    </message>
    <message>
        <source>The weights&apos; variance times the fan-in: W ~ N(0, σ_w²/fan-in)</source>
        <translation>权重方差乘以扇入：W ~ N(0, σ_w²/扇入)</translation>
    </message>
    <message>
        <source>Weight variance σ_w²</source>
        <translation>权重方差 σ_w²</translation>
    </message>
    <message>
        <source>σ_b²:</source>
        <translation>σ_b²：</translation>
    </message>
    <message>
        <source>The biases&apos; variance: b ~ N(0, σ_b²)</source>
        <translation>偏置方差：b ~ N(0, σ_b²)</translation>
    </message>
    <message>
        <source>Bias variance σ_b²</source>
        <translation>偏置方差 σ_b²</translation>
    </message>
    <message>
        <source>Depth:</source>
        <translation>深度：</translation>
    </message>
    <message>
        <source>The number of layers the curves follow</source>
        <translation>曲线跟踪的层数</translation>
    </message>
    <message>
        <source>Init:</source>
        <translation>初始化：</translation>
    </message>
    <message>
        <source>Set σ_w² and σ_b² to an initialisation&apos;s</source>
        <translation>把 σ_w² 和 σ_b² 设为某种初始化的值</translation>
    </message>
    <message>
        <source>Fan-in:</source>
        <translation>扇入：</translation>
    </message>
    <message>
        <source>Neurons per layer, for Playground&apos;s init, whose variance grows with the fan-in (uniform ±0.5: σ_w² = fan-in/12); the others scale it away</source>
        <translation>每层神经元数，用于 Playground 初始化：它的方差随扇入增长（均匀分布 ±0.5：σ_w² = 扇入/12）；其他初始化会把扇入抵消掉</translation>
    </message>
    <message>
        <source>Propagate %1 pairs of inputs through a random float64 network of width %2 and draw what it measures as dots over the theory</source>
        <translation>让 %1 对输入穿过一个宽度为 %2 的 float64 随机网络，把测得的结果以圆点画在理论曲线上</translation>
    </message>
    <message>
        <source>How a signal and its gradient travel through a deep, wide, random network with this activation: ordered (χ₁ &lt; 1, gradients vanish), chaotic (χ₁ &gt; 1, they explode) or critical (χ₁ = 1), where deep networks train. Click the diagram to choose a point.</source>
        <translation>信号和梯度如何穿过一个使用此激活函数的深而宽的随机网络：有序（χ₁ &lt; 1，梯度消失）、混沌（χ₁ &gt; 1，梯度爆炸）或临界（χ₁ = 1），深层网络在临界处才能训练。点击相图选择一个点。</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>Xavier</source>
        <translation>Xavier</translation>
    </message>
    <message>
        <source>He</source>
        <translation>He</translation>
    </message>
    <message>
        <source>LeCun</source>
        <translation>LeCun</translation>
    </message>
    <message>
        <source>Playground</source>
        <translation>Playground</translation>
    </message>
    <message>
        <source>%1: the parameters are not accepted (%2).</source>
        <translation>%1：参数不被接受（%2）。</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>计算中…</translation>
    </message>
    <message>
        <source>ordered</source>
        <translation>有序</translation>
    </message>
    <message>
        <source>chaotic</source>
        <translation>混沌</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>临界</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; at σ_w² = %2, σ_b² = %3: q* = %4, χ₁ = %5, c* = %6 → &lt;b&gt;%7&lt;/b&gt;.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;，σ_w² = %2，σ_b² = %3：q* = %4，χ₁ = %5，c* = %6 → &lt;b&gt;%7&lt;/b&gt;。</translation>
    </message>
    <message>
        <source>There is no fixed length: qₗ grows without bound (q = %1 after %2 layers).</source>
        <translation>没有固定的长度：qₗ 无限增长（%2 层之后 q = %1）。</translation>
    </message>
    <message>
        <source>Going back through each layer, the squared gradient shrinks by χ₁ = %1: it vanishes with depth.</source>
        <translation>每向后经过一层，梯度的平方缩小为 χ₁ = %1 倍：随深度消失。</translation>
    </message>
    <message>
        <source>Going back through each layer, the squared gradient grows by χ₁ = %1: it explodes with depth, and nearby inputs decorrelate.</source>
        <translation>每向后经过一层，梯度的平方放大 χ₁ = %1 倍：随深度爆炸，相近的输入也变得不相关。</translation>
    </message>
    <message>
        <source>Gradients keep their size through any depth: this is where deep networks train.</source>
        <translation>梯度在任意深度都保持大小：这正是深层网络能够训练的地方。</translation>
    </message>
    <message>
        <source>Depth scales: ξ_q = %1, ξ_c = %2 layers.</source>
        <translation>深度尺度：ξ_q = %1，ξ_c = %2 层。</translation>
    </message>
    <message>
        <source>Mean map fixed point (μ, ν) = (%1, %2), %3 (spectral radius %4).</source>
        <translation>均值映射的不动点 (μ, ν) = (%1, %2)，%3（谱半径 %4）。</translation>
    </message>
    <message>
        <source>attracting</source>
        <translation>吸引</translation>
    </message>
    <message>
        <source>repelling</source>
        <translation>排斥</translation>
    </message>
    <message>
        <source>Simulate (width %1)</source>
        <translation>模拟（宽度 %1）</translation>
    </message>
</context>
<context>
    <name>actlab::ui::RegionsPanel</name>
    <message>
        <source>Linear regions over epochs</source>
        <translation>线性区域数随轮次的变化</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>regions</source>
        <translation>区域数</translation>
    </message>
    <message>
        <source>Linear regions: %1</source>
        <translation>线性区域：%1 个</translation>
    </message>
    <message>
        <source>Each colour is one activation pattern: which linear piece every hidden unit is on. Inside a region the network is one affine map, so the decision boundary is straight there and bends only where it crosses into another region. That is why the boundaries of piecewise-linear networks are polygons.</source>
        <translation>每种颜色是一种激活模式：每个隐藏单元处在哪一段线性部分上。在一个区域内，网络是一个仿射映射，所以决策边界在区域内是直的，只有跨入另一个区域时才会转折。这就是分段线性网络的边界呈多边形的原因。</translation>
    </message>
    <message>
        <source>A smooth network: no linear regions</source>
        <translation>光滑网络：没有线性区域</translation>
    </message>
    <message>
        <source>%1 is smooth, so the network has no linear pieces to count. Shown instead: |∇ₓ output|, how fast the output changes across the plane; it is dark where the boundary is sharp and light where the output is flat.</source>
        <translation>%1 是光滑的，所以网络没有可数的线性片段。这里改为显示 |∇ₓ 输出|，即输出在平面上变化的快慢：边界陡峭处颜色深，输出平坦处颜色浅。</translation>
    </message>
    <message>
        <source>A hidden activation</source>
        <translation>某个隐藏层的激活函数</translation>
    </message>
    <message>
        <source>Linear regions</source>
        <translation>线性区域</translation>
    </message>
</context>
<context>
    <name>actlab::ui::SessionController</name>
    <message>
        <source>Unsaved Changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>The session &quot;%1&quot; has changes that are not saved.

Save them?</source>
        <translation>会话“%1”有尚未保存的更改。

要保存吗？</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>Could not save to %1: %2</source>
        <translation>无法保存到 %1：%2</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Save Session</source>
        <translation>保存会话</translation>
    </message>
    <message>
        <source>The file on disk was not changed.</source>
        <translation>磁盘上的文件未被修改。</translation>
    </message>
    <message>
        <source>session</source>
        <translation>会话</translation>
    </message>
    <message>
        <source>Save Session As</source>
        <translation>会话另存为</translation>
    </message>
    <message>
        <source>Activation Lab sessions (*.actlab.json);;JSON files (*.json)</source>
        <translation>Activation Lab 会话 (*.actlab.json);;JSON 文件 (*.json)</translation>
    </message>
    <message>
        <source>An existing file of that name was not changed.</source>
        <translation>同名的现有文件未被修改。</translation>
    </message>
    <message>
        <source>Open Session</source>
        <translation>打开会话</translation>
    </message>
    <message>
        <source>Activation Lab sessions (*.actlab.json);;JSON files (*.json);;All files (*)</source>
        <translation>Activation Lab 会话 (*.actlab.json);;JSON 文件 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>%1 cannot be opened:

%2

The session shown was not changed.</source>
        <translation>无法打开 %1：

%2

当前显示的会话没有改变。</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>已打开 %1</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>The lesson %1 cannot be shown:

%2</source>
        <translation>无法显示课程 %1：

%2</translation>
    </message>
    <message>
        <source>the file cannot be read (%1)</source>
        <translation>无法读取该文件（%1）</translation>
    </message>
</context>
<context>
    <name>actlab::ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Curve plot</source>
        <translation>曲线图</translation>
    </message>
    <message>
        <source>Network output plot</source>
        <translation>网络输出图</translation>
    </message>
    <message>
        <source>Mouse wheel</source>
        <translation>鼠标滚轮</translation>
    </message>
    <message>
        <source>Zoom in or out around the pointer</source>
        <translation>以鼠标指针为中心放大或缩小</translation>
    </message>
    <message>
        <source>Drag</source>
        <translation>拖动</translation>
    </message>
    <message>
        <source>Move the view</source>
        <translation>移动视图</translation>
    </message>
    <message>
        <source>Up, Down</source>
        <translation>上、下方向键</translation>
    </message>
    <message>
        <source>The previous or next activation in the list</source>
        <translation>列表中的上一个或下一个激活函数</translation>
    </message>
    <message>
        <source>Activation list</source>
        <translation>激活函数列表</translation>
    </message>
    <message>
        <source>Left click</source>
        <translation>左键点击</translation>
    </message>
    <message>
        <source>Add a point of class A</source>
        <translation>添加类别 A 的数据点</translation>
    </message>
    <message>
        <source>Right click, Shift+click</source>
        <translation>右键点击、Shift+点击</translation>
    </message>
    <message>
        <source>Add a point of class B</source>
        <translation>添加类别 B 的数据点</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Does</source>
        <translation>作用</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
</context>
<context>
    <name>actlab::ui::SidePanels</name>
    <message>
        <source>Show or hide %1</source>
        <translation>显示或隐藏%1</translation>
    </message>
    <message>
        <source>Opens the panel over the plot; Esc closes it</source>
        <translation>在图上方打开面板；Esc 关闭</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
    <message>
        <source>Close %1</source>
        <translation>关闭%1</translation>
    </message>
</context>
<context>
    <name>actlab::ui::SmallMultiplesView</name>
    <message>
        <source>Every activation with f (blue) and f′ (orange) on the same x range. Click one to explore it.</source>
        <translation>所有激活函数的 f（蓝色）和 f′（橙色），x 范围相同。点击其中一个即可详细探索。</translation>
    </message>
    <message>
        <source>Your formula</source>
        <translation>自定义公式</translation>
    </message>
</context>
<context>
    <name>actlab::ui::SpeedDialog</name>
    <message>
        <source>Activation Speed on This Computer</source>
        <translation>本机上的激活函数速度</translation>
    </message>
    <message>
        <source>Each activation computes f and f′ for 4,096 inputs, as the network does in training; the table gives the median time per element and the ratio to ReLU. Smaller is faster. The numbers belong to this computer: measure, do not quote.</source>
        <translation>每个激活函数对 4,096 个输入计算 f 和 f′，与网络训练时的做法相同；表中给出每个元素耗时的中位数及其与 ReLU 的比值。数值越小越快。这些数字只反映这台计算机：请自己测量，不要照搬引用。</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>ns per element</source>
        <translation>每元素耗时（ns）</translation>
    </message>
    <message>
        <source>Time relative to ReLU</source>
        <translation>相对 ReLU 的耗时</translation>
    </message>
    <message>
        <source>Measure Again</source>
        <translation>重新测量</translation>
    </message>
    <message>
        <source>Time every activation once more</source>
        <translation>再次测量每个激活函数的耗时</translation>
    </message>
    <message>
        <source>Measuring…</source>
        <translation>正在测量…</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <source>&lt;b&gt;Exact GELU is %1× slower than ReLU here&lt;/b&gt; (%2 vs %3 ns per element).</source>
        <translation>&lt;b&gt;在本机上，精确 GELU 比 ReLU 慢，耗时是它的 %1 倍&lt;/b&gt;（每个元素 %2 ns 对 %3 ns）。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Exact GELU is %1× faster than ReLU here&lt;/b&gt; (%2 vs %3 ns per element).</source>
        <translation>&lt;b&gt;在本机上，精确 GELU 比 ReLU 快，速度是它的 %1 倍&lt;/b&gt;（每个元素 %2 ns 对 %3 ns）。</translation>
    </message>
</context>
<context>
    <name>actlab::ui::SweepForm</name>
    <message>
        <source>Vary:</source>
        <translation>变化：</translation>
    </message>
    <message>
        <source>and:</source>
        <translation>以及：</translation>
    </message>
    <message>
        <source>The setting to vary: lr, activation, batch, layers, neurons, init, optimizer, reg_rate, noise, train_percent or param.NAME</source>
        <translation>要变化的设置：lr、activation、batch、layers、neurons、init、optimizer、reg_rate、noise、train_percent 或 param.NAME</translation>
    </message>
    <message>
        <source>A second setting to vary (optional): the results become heatmaps</source>
        <translation>第二个要变化的设置（可选）：结果将显示为热力图</translation>
    </message>
    <message>
        <source>a:b:n, a:b:n:log or a list: relu,gelu,elu</source>
        <translation>a:b:n、a:b:n:log 或列表：relu,gelu,elu</translation>
    </message>
    <message>
        <source>n values from a to b (evenly, or evenly in log with :log), or a comma list</source>
        <translation>从 a 到 b 的 n 个值（均匀分布；加 :log 则在对数上均匀），或逗号分隔的列表</translation>
    </message>
    <message>
        <source>Seeds:</source>
        <translation>种子数：</translation>
    </message>
    <message>
        <source>Every setting is trained from this many seeds (the session&apos;s seed, +1, +2, …)</source>
        <translation>每个设置都用这么多个种子训练（会话的种子、+1、+2……）</translation>
    </message>
    <message>
        <source>Epochs:</source>
        <translation>轮数：</translation>
    </message>
    <message>
        <source>Success:</source>
        <translation>成功条件：</translation>
    </message>
    <message>
        <source>no target</source>
        <translation>无目标</translation>
    </message>
    <message>
        <source>test loss at most</source>
        <translation>测试损失不高于</translation>
    </message>
    <message>
        <source>test accuracy at least</source>
        <translation>测试准确率不低于</translation>
    </message>
</context>
<context>
    <name>actlab::ui::SweepPage</name>
    <message>
        <source>A sweep is already running.</source>
        <translation>已有一个参数扫描正在运行。</translation>
    </message>
    <message>
        <source>Seed by seed: each seed starts both networks from the same weights where the shapes agree, so the two differ only by %1. Better means %2 %3.</source>
        <translation>逐个种子比较：在形状一致时，每个种子让两个网络从相同的权重开始，因此两者只在 %1 上不同。“更好”指 %3 %2。</translation>
    </message>
    <message>
        <source>a lower</source>
        <translation>更低</translation>
    </message>
    <message>
        <source>a higher</source>
        <translation>更高</translation>
    </message>
    <message>
        <source>%1 vs %2</source>
        <translation>%1 对 %2</translation>
    </message>
    <message>
        <source>%1 better in %2 of %3 seeds</source>
        <translation>%3 个种子中 %1 在 %2 个里更好</translation>
    </message>
    <message>
        <source>%1 of %2 runs, %3 s</source>
        <translation>%2 次运行中已完成 %1 次，%3 秒</translation>
    </message>
    <message>
        <source>about %1 s left</source>
        <translation>约剩 %1 秒</translation>
    </message>
    <message>
        <source>Cancelled after %1 of %2 runs (%3 s); the finished runs are shown.</source>
        <translation>在 %2 次运行中完成 %1 次后取消（%3 秒）；已显示完成的运行。</translation>
    </message>
    <message>
        <source>%1 runs in %2 s. Click a dot or a cell to open that run on the network page.</source>
        <translation>%1 次运行，用时 %2 秒。点击一个点或格子，即可在“网络”页面打开该次运行。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Start Sweep</source>
        <translation>开始扫描</translation>
    </message>
    <message>
        <source>There are no results to export yet.</source>
        <translation>还没有可以导出的结果。</translation>
    </message>
    <message>
        <source>Please use a .png, .svg or .pdf file name.</source>
        <translation>请使用 .png、.svg 或 .pdf 文件名。</translation>
    </message>
    <message>
        <source>Export Sweep Results</source>
        <translation>导出扫描结果</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Export Sweep Figure</source>
        <translation>导出扫描图</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG image (*.svg);;PDF document (*.pdf)</source>
        <translation>PNG 图像 (*.png);;SVG 图像 (*.svg);;PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Vary one or two settings of the network page&apos;s experiment and train every value from several seeds: the medians, the spread over seeds and how often training succeeds, instead of one random draw.</source>
        <translation>让“网络”页面实验中的一到两个设置变化，并用多个种子训练每个取值：看到的是中位数、种子之间的离散程度以及训练成功的频率，而不是一次随机抽样。</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Export Figure…</source>
        <translation>导出图片…</translation>
    </message>
    <message>
        <source>pair (A vs B)</source>
        <translation>比较（A 对 B）</translation>
    </message>
    <message>
        <source>seed by seed</source>
        <translation>逐个种子</translation>
    </message>
    <message>
        <source>median of A − B</source>
        <translation>A − B 的中位数</translation>
    </message>
    <message>
        <source>its 95 % interval</source>
        <translation>其 95 % 区间</translation>
    </message>
    <message>
        <source>1 run diverged.</source>
        <translation>1 次运行发散。</translation>
    </message>
    <message>
        <source>%1 runs diverged.</source>
        <translation>%1 次运行发散。</translation>
    </message>
</context>
<context>
    <name>actlab::ui::SweepPlot</name>
    <message>
        <source>training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <source>test loss</source>
        <translation>测试损失</translation>
    </message>
    <message>
        <source>training accuracy</source>
        <translation>训练准确率</translation>
    </message>
    <message>
        <source>test accuracy</source>
        <translation>测试准确率</translation>
    </message>
    <message>
        <source>epochs to the target</source>
        <translation>达到目标的轮数</translation>
    </message>
    <message>
        <source>dead units (%)</source>
        <translation>死亡单元 (%)</translation>
    </message>
    <message>
        <source>first/last layer gradient</source>
        <translation>首层/末层梯度之比</translation>
    </message>
    <message>
        <source>Sweep results</source>
        <translation>扫描结果</translation>
    </message>
    <message>
        <source>Press Start to run the sweep</source>
        <translation>点击“开始扫描”运行</translation>
    </message>
    <message>
        <source>runs</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>median</source>
        <translation>中位数</translation>
    </message>
    <message>
        <source>middle half of the seeds</source>
        <translation>中间一半的种子</translation>
    </message>
    <message>
        <source>median %1</source>
        <translation>%1 的中位数</translation>
    </message>
    <message>
        <source>success rate</source>
        <translation>成功率</translation>
    </message>
    <message>
        <source>%1 (1 seed per value)</source>
        <translation>%1（每个取值 1 个种子）</translation>
    </message>
    <message>
        <source>%1 (%2 seeds per value)</source>
        <translation>%1（每个取值 %2 个种子）</translation>
    </message>
    <message>
        <source>never: %1 of %2</source>
        <translation>未达到：%2 次中 %1 次</translation>
    </message>
    <message>
        <source>no value: %1 of %2</source>
        <translation>无数值：%2 次中 %1 次</translation>
    </message>
</context>
<context>
    <name>actlab::ui::TeachingPanel</name>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>discontinuous</source>
        <translation>不连续</translation>
    </message>
    <message>
        <source>continuous, with kinks (C⁰)</source>
        <translation>连续，但有折点（C⁰）</translation>
    </message>
    <message>
        <source>once differentiable (C¹)</source>
        <translation>一阶可微（C¹）</translation>
    </message>
    <message>
        <source>smooth (C∞)</source>
        <translation>光滑（C∞）</translation>
    </message>
    <message>
        <source>Copied ✓</source>
        <translation>已复制 ✓</translation>
    </message>
    <message>
        <source>Formula</source>
        <translation>公式</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>值域</translation>
    </message>
    <message>
        <source>Properties (default parameters)</source>
        <translation>性质（默认参数）</translation>
    </message>
    <message>
        <source>In the classroom</source>
        <translation>课堂要点</translation>
    </message>
    <message>
        <source>PyTorch</source>
        <translation>PyTorch</translation>
    </message>
    <message>
        <source>Copy the PyTorch code to the clipboard</source>
        <translation>将 PyTorch 代码复制到剪贴板</translation>
    </message>
    <message>
        <source>monotonic</source>
        <translation>单调</translation>
    </message>
    <message>
        <source>zero-centred</source>
        <translation>以零为中心</translation>
    </message>
    <message>
        <source>bounded below</source>
        <translation>有下界</translation>
    </message>
    <message>
        <source>bounded above</source>
        <translation>有上界</translation>
    </message>
    <message>
        <source>Smoothness: %1</source>
        <translation>光滑性：%1</translation>
    </message>
    <message>
        <source>Formula: %1</source>
        <translation>公式：%1</translation>
    </message>
    <message>
        <source>Show Large</source>
        <translation>放大显示</translation>
    </message>
    <message>
        <source>Show the formula with its current values in large type, to project</source>
        <translation>用大号字体显示代入当前参数值的公式，便于投影</translation>
    </message>
    <message>
        <source>saturating (both tails)</source>
        <translation>两侧饱和</translation>
    </message>
    <message>
        <source>Monotonic: f never decreases. Zero-centred: the mean of f(z) is 0 for standard-normal z. Bounded: f has a finite lowest or highest value. Saturating: the slope f′ tends to 0 for large inputs of both signs.</source>
        <translation>单调：f 从不减小。零中心：z 服从标准正态分布时 f(z) 的均值为 0。有界：f 有有限的最小值或最大值。饱和：输入为很大的正数或很大的负数时，斜率 f′ 都趋于 0。</translation>
    </message>
</context>
<context>
    <name>actlab::ui::TrainingBar</name>
    <message>
        <source>Pause training (Space)</source>
        <translation>暂停训练（空格键）</translation>
    </message>
    <message>
        <source>Train (Space)</source>
        <translation>训练（空格键）</translation>
    </message>
    <message>
        <source>Start again from the initial weights (the same seed gives the same run)</source>
        <translation>从初始权重重新开始（相同的随机种子得到相同的训练过程）</translation>
    </message>
    <message>
        <source>Train exactly one epoch</source>
        <translation>只训练一轮</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Epochs trained: passes over the training points</source>
        <translation>已训练的轮数：遍历全部训练点的次数</translation>
    </message>
    <message>
        <source>Epochs per frame</source>
        <translation>每帧轮数</translation>
    </message>
    <message>
        <source>Training speed: how many epochs run between two pictures, whatever the screen&apos;s frame rate</source>
        <translation>训练速度：两次画面更新之间训练多少轮，与屏幕刷新率无关</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>The step size of each update; it changes the running training at once. Type any value from 0.0000001 to 100.</source>
        <translation>每次更新的步长；修改后立即作用于正在进行的训练。可输入 0.0000001 到 100 之间的任意值。</translation>
    </message>
    <message>
        <source>Optimiser</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>SGD</source>
        <translation>SGD</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <source>How the gradient becomes a step: plain SGD, SGD with momentum 0.9, or Adam. Changing it starts training again.</source>
        <translation>如何由梯度得到更新步：普通 SGD、动量为 0.9 的 SGD，或 Adam。更改后训练将重新开始。</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>Training points per weight update; it changes the running training at once.</source>
        <translation>每次更新权重所用的训练点数；修改后立即作用于正在进行的训练。</translation>
    </message>
    <message>
        <source>Regularisation</source>
        <translation>正则化</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>A penalty on large weights: L1 pushes weights to exactly zero, L2 shrinks them all. Changes apply at once.</source>
        <translation>对较大权重的惩罚：L1 会把权重推向恰好为零，L2 会让所有权重都变小。修改立即生效。</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>正则化率</translation>
    </message>
    <message>
        <source>Regularisation rate: the strength of the penalty on the weights.</source>
        <translation>正则化率：对权重惩罚的强度。</translation>
    </message>
</context>
<context>
    <name>actlab::ui::TrainingControl</name>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Play</source>
        <translation>训练(&amp;P)</translation>
    </message>
    <message>
        <source>Train or pause (Space)</source>
        <translation>训练或暂停（空格键）</translation>
    </message>
    <message>
        <source>&amp;Step One Epoch</source>
        <translation>单步训练一轮(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Reset Training</source>
        <translation>重置训练(&amp;R)</translation>
    </message>
</context>
<context>
    <name>actlab::ui::ViewSwitcher</name>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>The network diagram, the decision boundary and the loss</source>
        <translation>网络示意图、决策边界和损失</translation>
    </message>
    <message>
        <source>Compare activations</source>
        <translation>比较激活函数</translation>
    </message>
    <message>
        <source>Train several activations side by side from the same start</source>
        <translation>从相同的起点并排训练多个激活函数</translation>
    </message>
    <message>
        <source>Gradient health</source>
        <translation>梯度健康状况</translation>
    </message>
    <message>
        <source>Gradient norms, dead units and activation statistics per layer</source>
        <translation>各层的梯度范数、死亡单元和激活值统计</translation>
    </message>
    <message>
        <source>← Back to the comparison</source>
        <translation>← 返回比较</translation>
    </message>
    <message>
        <source>Show all compared networks again</source>
        <translation>重新显示所有参与比较的网络</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原理</translation>
    </message>
    <message>
        <source>Why the boundary looks as it does: operating points, hidden space, linear regions and the chain rule</source>
        <translation>边界为什么是这个样子：工作点、隐藏空间、线性区域和链式法则</translation>
    </message>
</context>
<context>
    <name>actlab::ui::WhyCompareCard</name>
    <message>
        <source>Layer %1</source>
        <translation>第 %1 层</translation>
    </message>
    <message>
        <source>Linear regions: %1</source>
        <translation>线性区域：%1 个</translation>
    </message>
    <message>
        <source>Smooth (%1): no linear regions</source>
        <translation>光滑（%1）：没有线性区域</translation>
    </message>
</context>
<context>
    <name>actlab::ui::WhyView</name>
    <message>
        <source>Operating points</source>
        <translation>工作点</translation>
    </message>
    <message>
        <source>Where each hidden layer&apos;s inputs z sit on its f and f′: saturation, dead units, self-normalisation</source>
        <translation>每个隐藏层的输入 z 落在 f 和 f′ 的什么位置：饱和、死亡单元、自归一化</translation>
    </message>
    <message>
        <source>Linear regions</source>
        <translation>线性区域</translation>
    </message>
    <message>
        <source>The linear pieces of a piecewise-linear network, or how sharp a smooth network&apos;s output is</source>
        <translation>分段线性网络的线性片段，或光滑网络输出的陡峭程度</translation>
    </message>
    <message>
        <source>Hidden space</source>
        <translation>隐藏空间</translation>
    </message>
    <message>
        <source>The points and a grid of the input plane pushed through the layers: how the network folds or bends the plane</source>
        <translation>数据点和输入平面上的网格经过各层之后的样子：网络如何折叠或弯曲平面</translation>
    </message>
    <message>
        <source>Chain rule</source>
        <translation>链式法则</translation>
    </message>
    <message>
        <source>One gradient built up layer by layer: why gradients vanish, with real numbers</source>
        <translation>逐层构建一个梯度：用真实数字说明梯度为何消失</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>并排比较</translation>
    </message>
    <message>
        <source>Every compared network: the operating points of its first and last hidden layer, its last hidden space and its linear regions</source>
        <translation>每个参与比较的网络：第一个和最后一个隐藏层的工作点、最后一个隐藏层的空间以及线性区域</translation>
    </message>
</context>
</TS>
