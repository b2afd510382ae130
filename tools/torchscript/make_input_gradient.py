#!/usr/bin/env python3
"""Writes cyborg-core/src/main/resources/cyborg/loss/input_gradient.pt: a TorchScript module whose
forward(s, x) returns torch.autograd.grad(s, x, create_graph=True)[0].

cyborg needs the input gradient with its graph for the rrr term. DJL 0.35.1 only offers
Tensor.backward, which stores that gradient in x.grad, where it points back to x through its graph:
a reference cycle that leaks the whole step's graph, since DJL cannot set a gradient to None.
torch.autograd.grad returns the gradient without storing it anywhere, so nothing cycles. The module
has no weights; cyborg loads it once and runs it in training mode (autograd on). Build-time only:
Debian's python3-torch (1.13); libtorch 2.7 loads the file.

    python3 tools/torchscript/make_input_gradient.py
"""
import pathlib

import torch


class InputGradient(torch.nn.Module):
    def forward(self, s: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
        grads = torch.autograd.grad([s], [x], create_graph=True)
        g = grads[0]
        assert g is not None
        return g


out = pathlib.Path(__file__).resolve().parents[2] / "cyborg-core/src/main/resources/cyborg/loss/input_gradient.pt"
torch.jit.script(InputGradient()).save(str(out))
print("wrote", out)
