#!/usr/bin/python3
"""PyTorch's cost of f and f' per element, float64, one thread: for each activation of the
registry, y = f(x) and then dy/dx by autograd (y.backward on 4096 normal inputs, sd 3, as
bench_activations' network/f+df benchmarks), median of repeated timings, in ns per element.
Compare with bench_activations --benchmark_filter=network/ (1e9 / items per second).

    /usr/bin/python3 scripts/torch-kernel-times.py [ids...]
"""
import statistics
import sys
import time

import torch

torch.set_num_threads(1)

MODULES = {
    "sigmoid": lambda: torch.nn.Sigmoid(), "tanh": lambda: torch.nn.Tanh(),
    "relu": lambda: torch.nn.ReLU(), "leaky_relu": lambda: torch.nn.LeakyReLU(),
    "prelu": lambda: torch.nn.PReLU(dtype=torch.float64), "elu": lambda: torch.nn.ELU(),
    "selu": lambda: torch.nn.SELU(), "gelu": lambda: torch.nn.GELU(),
    "gelu_tanh": lambda: torch.nn.GELU(approximate="tanh"), "silu": lambda: torch.nn.SiLU(),
    "mish": lambda: torch.nn.Mish(), "softplus": lambda: torch.nn.Softplus(),
    "celu": lambda: torch.nn.CELU(), "hardtanh": lambda: torch.nn.Hardtanh(),
    "relu6": lambda: torch.nn.ReLU6(), "hardsigmoid": lambda: torch.nn.Hardsigmoid(),
    "hardswish": lambda: torch.nn.Hardswish(), "logsigmoid": lambda: torch.nn.LogSigmoid(),
    "softsign": lambda: torch.nn.Softsign(), "tanhshrink": lambda: torch.nn.Tanhshrink(),
    "softshrink": lambda: torch.nn.Softshrink(), "hardshrink": lambda: torch.nn.Hardshrink(),
    "rrelu": lambda: torch.nn.RReLU().eval(), "identity": lambda: torch.nn.Identity(),
    "threshold": lambda: torch.nn.Threshold(0.0, 0.0),
}


def ns_per_element(module, n=4096, repeats=2000, rounds=7):
    gen = torch.Generator().manual_seed(42)
    base = torch.randn(n, generator=gen, dtype=torch.float64) * 3
    ones = torch.ones(n, dtype=torch.float64)
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(repeats):
            x = base.clone().requires_grad_(True)
            y = module(x)
            y.backward(ones)
        times.append((time.perf_counter() - start) / repeats / n * 1e9)
    return statistics.median(times)


def main():
    ids = sys.argv[1:] or list(MODULES)
    print("activation,torch_ns_per_element")
    for i in ids:
        print("%s,%.2f" % (i, ns_per_element(MODULES[i]())))


if __name__ == "__main__":
    main()
