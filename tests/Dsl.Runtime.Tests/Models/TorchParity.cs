using Dsl.Tests.Shared;
using System;
using System.Linq;
using Dsl.Runtime.Tests.Weights;
using TorchSharp;

namespace Dsl.Runtime.Tests.Models;

/// <summary>Compares a generated module's parameters, name by name, with the same network built in PyTorch.</summary>
internal static class TorchParity
{
    /// <summary>
    /// Runs <paramref name="pythonModule"/> (Python that binds <c>m</c> to an <c>nn.Module</c>) with python3-torch and
    /// asserts that <paramref name="model"/> has the same parameter names with the same element counts.
    /// </summary>
    public static void AssertSameParameters(torch.nn.Module model, string pythonModule)
    {
        string script = "import torch\nfrom torch import nn\n" + pythonModule +
            "\nprint(';'.join(f'{k}={v.numel()}' for k, v in sorted(m.named_parameters())))";
        string expected = PythonTorch.Run(script).Trim();
        string actual = string.Join(';', model.named_parameters()
            .OrderBy(p => p.name, StringComparer.Ordinal)
            .Select(p => FormattableString.Invariant($"{p.name}={p.parameter.numel()}")));
        Assert.Equal(expected, actual);
    }
}
