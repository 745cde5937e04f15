using System;
using System.IO;
using System.Linq;
using Dsl.Tests.Shared;
using Google.Protobuf;

namespace Dsl.Onnx.Tests;

/// <summary>
/// Every seed network's exported model passes the reference checker of the ONNX project (Debian's python3-onnx 1.12:
/// <c>onnx.checker.check_model</c> with its full check, then strict shape inference, whose shapes must agree with the
/// types the DSL declared for every node).
/// </summary>
public class OnnxCheckerTests
{
    private const string Python = "/usr/bin/python3";

    private const string Script = """
        import sys
        import onnx
        from onnx import shape_inference
        model = onnx.load(sys.argv[1])
        onnx.checker.check_model(model, full_check=True)
        inferred = shape_inference.infer_shapes(model, check_type=True, strict_mode=True)
        onnx.checker.check_model(inferred)
        def dims(v):
            return [d.dim_value if d.HasField('dim_value') else d.dim_param for d in v.type.tensor_type.shape.dim]
        declared = {v.name: dims(v) for v in list(model.graph.value_info) + list(model.graph.output)}
        for v in list(inferred.graph.value_info) + list(inferred.graph.output):
            if v.name in declared and all(isinstance(d, int) and d > 0 for d in dims(v)):
                if dims(v) != declared[v.name]:
                    sys.exit(f"{v.name}: onnx infers {dims(v)} but the DSL declared {declared[v.name]}")
        print("ok", onnx.__version__, len(model.graph.node))
        """;

    public static TheoryData<string> Models() => new(SeedModels.All.Select(t => t.Name));

    [Theory]
    [MemberData(nameof(Models))]
    public void Exported_model_passes_the_onnx_checker_and_shape_inference(string name)
    {
        Assert.True(
            File.Exists(Python) && Exit("-c", "import onnx").Code == 0,
            $"This test checks the export with the ONNX project's own checker and needs Debian's python3-onnx ({Python} -c 'import onnx' failed): " +
            "install it with 'apt-get install -y python3-onnx' (.ci/run installs it).");

        var type = SeedModels.Find(name);
        using var module = SeedModels.Create(type, seed: 3);
        string path = Path.Combine(Path.GetTempPath(), $"dsl-onnx-{name}-{Guid.NewGuid():N}.onnx");
        try
        {
            File.WriteAllBytes(path, OnnxExport.ToModel(SeedModels.GraphOf(type), module).ToByteArray());
            var (code, stdout, stderr) = Exit("-c", Script, path);
            Assert.True(code == 0, $"{name}: the ONNX checker rejected the model: {stderr}{stdout}");
            Assert.StartsWith("ok 1.", stdout, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static (int Code, string Stdout, string Stderr) Exit(params string[] arguments) => ChildProcess.Run(Python, arguments);
}
