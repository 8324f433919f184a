#pragma once
// "The network's z": the pre-activations of one hidden layer of the network page's network over
// its training set, handed to the explorer (which draws their histogram under its curves) when a
// layer of the Why view's operating points is clicked.

#include <QString>
#include <vector>

namespace actlab::ui {

struct NetworkZ {
    QString source;              ///< where the values come from ("hidden layer 2, epoch 300")
    std::vector<double> values;  ///< every (unit, example) pair's z
};

}  // namespace actlab::ui
