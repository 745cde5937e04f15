using System;
using Dsl;

namespace Dsl.Onnx.Tests.Unsupported;

/// <summary>A plain RNN with the relu nonlinearity, which the ONNX export does not write yet.</summary>
[Model]
public partial class ReluRnn
{
    static void Define(Graph g)
    {
        var x = g.Input("x", Dim.Of("T"), 4);
        g.Output("y", x.Rnn(3, nonlinearity: "relu").LastStep());
    }
}

/// <summary>What the ONNX export cannot express is a clear NotSupportedException from the generated graph member, not a wrong graph.</summary>
public class UnsupportedExportTests
{
    [Fact]
    public void A_relu_rnn_says_it_is_unsupported_in_onnx_export()
    {
        var e = Assert.Throws<NotSupportedException>(() => ReluRnn.OnnxGraph);
        Assert.Contains("relu nonlinearity is unsupported in ONNX export", e.Message, StringComparison.Ordinal);
    }
}
