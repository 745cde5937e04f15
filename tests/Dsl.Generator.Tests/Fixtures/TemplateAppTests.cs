using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Dsl.Tests.Shared;

namespace Dsl.Generator.Tests.Fixtures;

/// <summary>
/// What the README's "Get started" promises, done as a new user would, outside this repository: pack Dsl.Templates
/// (which packs Dsl.Runtime and Dsl.Onnx beside it) into a local folder, install the template, `dotnet new dsl-app`,
/// build it, see a shape mistake stop the build with its DSL error, train an epoch on a few digits with the
/// default progress output, run it again, and find the ONNX file. The template store and the NuGet package folder
/// are temporary (the machine's package folder only serves as a read-only fallback), so nothing is left behind.
/// </summary>
[Collection(PackingCollection.Name)]
public sealed class TemplateAppTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    private readonly string root = Path.Combine(Path.GetTempPath(), "dsl-template-" + Guid.NewGuid().ToString("N"));

    public TemplateAppTests() => Directory.CreateDirectory(root);

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public async Task An_app_made_by_dotnet_new_dsl_app_from_the_packed_packages_builds_reports_a_shape_mistake_trains_twice_and_exports_onnx()
    {
        string feed = Path.Combine(root, "feed");
        string hive = Path.Combine(root, "template-hive");
        var environment = new Dictionary<string, string>
        {
            // The packages restored for the app land here and are deleted with it; the machine's folder (which
            // holds TorchSharp already) is a read-only fallback named in nuget.config below.
            ["NUGET_PACKAGES"] = Path.Combine(root, "packages"),
        };
        File.WriteAllText(Path.Combine(root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <fallbackPackageFolders>
                <add key="machine" value="{PackageConsumerTests.MachinePackageFolder()}" />
              </fallbackPackageFolders>
            </configuration>
            """);

        // 1. Pack: the template and, at the same version, the two packages its app references. Packed with the machine's
        // package folder: packing restores the repository's projects, and a restore into the test's folder would leave
        // their obj/ pointing at packages deleted with it (the next build of the repository then failed with CS0246).
        await Dotnet(RepoFiles.Root, new Dictionary<string, string>(), "pack", Path.Combine(RepoFiles.Root, "Dsl.Templates", "Dsl.Templates.csproj"),
            "-c", DotnetCli.Configuration, "-o", feed, "--nologo", "-nodeReuse:false");
        string[] packages = Directory.GetFiles(feed, "*.nupkg").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;
        Assert.Equal(new[] { "Dsl.Onnx.", "Dsl.Runtime.", "Dsl.Templates." }, packages.Select(p => p[..(p.IndexOf('.', 4) + 1)]).ToArray());
        string version = packages[0]["Dsl.Onnx.".Length..^".nupkg".Length];
        Assert.All(packages, p => Assert.EndsWith(version + ".nupkg", p, StringComparison.Ordinal));
        Assert.Contains("-dev.", version, StringComparison.Ordinal);
        // The two libraries come with symbol packages (portable PDBs) at the same version; the template has no code.
        Assert.Equal(
            new[] { $"Dsl.Onnx.{version}.snupkg", $"Dsl.Runtime.{version}.snupkg" },
            Directory.GetFiles(feed, "*.snupkg").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray());

        // 2. dotnet new: the template from the packed file, in a template store of its own.
        string template = Path.Combine(feed, packages[2]);
        await Dotnet(root, environment, "new", "install", template, "--debug:custom-hive", hive);
        await Dotnet(root, environment, "new", "dsl-app", "-o", "DigitsApp", "--debug:custom-hive", hive);
        string app = Path.Combine(root, "DigitsApp");
        Assert.Contains(feed, File.ReadAllText(Path.Combine(app, "nuget.config")), StringComparison.Ordinal);
        Assert.Contains($"Version=\"{version}\"", File.ReadAllText(Path.Combine(app, "DigitsApp.csproj")), StringComparison.Ordinal);

        // 3. It builds with no warning.
        var build = await Dotnet(app, environment, "build", "--nologo", "-nodeReuse:false");
        Assert.Contains(" 0 Warning(s)", build, StringComparison.Ordinal);

        // 4. A shape mistake stops the build at the call that makes it.
        string modelFile = Path.Combine(app, "Models", "DigitClassifier.cs");
        string model = File.ReadAllText(modelFile);
        Assert.Contains(".Flatten()", model, StringComparison.Ordinal);
        File.WriteAllText(modelFile, model.Replace(".Flatten()", "", StringComparison.Ordinal));
        var broken = await DotnetProcess.RunAsync(app, Timeout, environment, "build", "--nologo", "-nodeReuse:false");
        Assert.True(broken.ExitCode != 0, "the app with the shape mistake built:\n" + broken.Output);
        Assert.Contains("error DSL0002: Linear 'linear_1' expects a 2-D input [B, F] or features last [B, ..., F] but got [B, 32, 5, 5]", broken.Output, StringComparison.Ordinal);
        Assert.Contains("DigitClassifier.cs(", broken.Output, StringComparison.Ordinal);
        File.WriteAllText(modelFile, model);

        // 5. It trains an epoch on 512 digits, printing a line per epoch (the output is redirected), and writes the
        // ONNX file. The app never chooses oneDNN's kernels: the runtime does, as the mistyped setting shows.
        environment["DSL_ONEDNN_KERNELS"] = "exect";
        var first = await Dotnet(app, environment, "run", "--", "512");
        Assert.Contains("Dsl: DSL_ONEDNN_KERNELS='exect' is not a kernel choice", first, StringComparison.Ordinal);
        Assert.Contains("Epoch 1/1 - 8 steps - ", first, StringComparison.Ordinal);
        Assert.Contains(" - val_label_accuracy: ", first, StringComparison.Ordinal);
        Assert.Contains("wrote DigitClassifier.safetensors and DigitClassifier.onnx", first, StringComparison.Ordinal);
        string onnx = Path.Combine(app, "DigitClassifier.onnx");
        Assert.True(new FileInfo(onnx).Length > 50_000, "the ONNX file holds the 56,714 weights");

        // 6. The PyTorch project it wrote trains with two torchrun processes on the CPU (python3-torch, gloo).
        string project = Path.Combine(app, "pytorch");
        Assert.Contains($"train it with: cd pytorch && {Dsl.Export.PyTorchProject.TorchrunCommand} --epochs 1", first, StringComparison.Ordinal);
        string[] torchrun = Dsl.Export.PyTorchProject.TorchrunCommand.Split(' ');
        string trained = PythonTorch.RunModule(project, "torch.distributed.run", torchrun.Skip(1).Concat(new[] { "--epochs", "1" }).ToArray());
        Assert.Matches(@"epoch 1/1: loss [\d.]+ over 512 samples on 2 processes", trained);
        Assert.Matches(@"accuracy label [\d.]+ \(\d+ of 512\)", trained);

        // 7. A second run of the same program works too, and writes its files again.
        environment.Remove("DSL_ONEDNN_KERNELS");
        File.Delete(onnx);
        var second = await Dotnet(app, environment, "run", "--no-build", "--", "512");
        Assert.Contains("Epoch 1/1 - 8 steps - ", second, StringComparison.Ordinal);
        Assert.True(File.Exists(onnx), "the second run wrote no ONNX file:\n" + second);
    }

    private static async Task<string> Dotnet(string directory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var (exitCode, output) = await DotnetProcess.RunAsync(directory, Timeout, environment, args);
        Assert.True(exitCode == 0, $"dotnet {string.Join(" ", args)} failed ({exitCode}):\n{output}");
        return output;
    }
}
