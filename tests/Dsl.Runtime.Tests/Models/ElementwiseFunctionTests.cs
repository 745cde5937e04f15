using System;
using System.Linq;
using Dsl;
using TorchSharp;

namespace Dsl.Runtime.Tests.Models;

/// <summary>Every element-wise function of the DSL, one output each.</summary>
[Model]
public partial class ElementwiseFunctions
{
    static void Define(Graph g)
    {
        var x = g.Input("x", 9);
        g.Output("gelu", x.Gelu());
        g.Output("silu", x.Silu());
        g.Output("elu", x.Elu(0.5));
        g.Output("selu", x.Selu());
        g.Output("softplus", x.Softplus(2));
        g.Output("hardswish", x.Hardswish());
        g.Output("relu6", x.Relu6());
        g.Output("mish", x.Mish());
        g.Output("exp", x.Exp());
        g.Output("log_of_abs", x.Abs().Log());
        g.Output("sqrt_of_abs", x.Abs().Sqrt());
    }
}

/// <summary>
/// The generated forward of each element-wise function against its textbook formula, computed here in double
/// precision (not by the same TorchSharp call), so a function wired to the wrong kernel or argument fails.
/// </summary>
public sealed class ElementwiseFunctionTests
{
    private static readonly double[] Inputs = { -7, -3, -1.5, -0.5, 0.25, 1, 2.5, 4, 8 };

    [Fact]
    public void Each_function_computes_its_formula()
    {
        using var model = new ElementwiseFunctions();
        using var x = torch.tensor(Inputs.Select(v => (float)v).ToArray(), new long[] { 1, Inputs.Length });
        using var y = model.Forward(x);

        Check(y.Gelu, v => 0.5 * v * (1 + Erf(v / Math.Sqrt(2))));
        Check(y.Silu, v => v / (1 + Math.Exp(-v)));
        Check(y.Elu, v => v > 0 ? v : 0.5 * (Math.Exp(v) - 1));
        Check(y.Selu, v => 1.0507009873554805 * (v > 0 ? v : 1.6732632423543772 * (Math.Exp(v) - 1)));
        Check(y.Softplus, v => Math.Log(1 + Math.Exp(2 * v)) / 2);
        Check(y.Hardswish, v => v * Math.Min(Math.Max(v + 3, 0), 6) / 6);
        Check(y.Relu6, v => Math.Min(Math.Max(v, 0), 6));
        Check(y.Mish, v => v * Math.Tanh(Math.Log(1 + Math.Exp(v))));
        Check(y.Exp, Math.Exp);
        Check(y.LogOfAbs, v => Math.Log(Math.Abs(v)));
        Check(y.SqrtOfAbs, v => Math.Sqrt(Math.Abs(v)));
    }

    private static void Check(torch.Tensor actual, Func<double, double> formula)
    {
        var values = actual.data<float>().ToArray();
        for (int i = 0; i < Inputs.Length; i++)
        {
            double expected = formula(Inputs[i]);
            Assert.True(
                Math.Abs(values[i] - expected) <= 1e-5 * Math.Max(1, Math.Abs(expected)),
                $"at x = {Inputs[i]}: {values[i]} but the formula gives {expected}");
        }
    }

    /// <summary>erf by Abramowitz and Stegun 7.1.26 (absolute error below 1.5e-7).</summary>
    private static double Erf(double x)
    {
        double t = 1 / (1 + 0.3275911 * Math.Abs(x));
        double y = 1 - ((((((1.061405429 * t) - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.Exp(-x * x);
        return Math.Sign(x) * y;
    }
}
