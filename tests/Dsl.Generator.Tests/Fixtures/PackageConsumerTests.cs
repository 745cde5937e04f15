using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Dsl.Tests.Shared;

namespace Dsl.Generator.Tests.Fixtures;

/// <summary>
/// A user adds one package: Dsl.Runtime is packed with the generator (analyzers/dotnet/cs) and the native
/// compatibility step (buildTransitive); a project outside this repository that references only the packed
/// package declares a model, builds, and runs a forward pass.
/// </summary>
[Collection(PackingCollection.Name)]
public class PackageConsumerTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "dsl-consumer-" + Guid.NewGuid().ToString("N"));

    public PackageConsumerTests() => Directory.CreateDirectory(root);

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public async Task A_project_referencing_only_the_packed_package_generates_builds_and_runs_its_model()
    {
        // A fresh version each run, restored into a package folder of the test's own (the machine's folder, holding
        // TorchSharp already, is a read-only fallback), so no package cache ever serves an older build of the package
        // and the machine's cache gains nothing.
        var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(root, "packages") };
        string version = "0.1.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture);
        string feed = Path.Combine(root, "feed");
        var pack = await DotnetCli.RunAsync(RepoFiles.Root, "pack", Path.Combine(RepoFiles.Root, "Dsl.Runtime", "Dsl.Runtime.csproj"),
            "-c", DotnetCli.Configuration, "-o", feed, "-p:Version=" + version, "--nologo", "-nodeReuse:false");
        Assert.True(pack.ExitCode == 0, pack.Output);

        string app = Path.Combine(root, "app");
        Directory.CreateDirectory(app);
        File.WriteAllText(Path.Combine(app, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="local" value="{feed}" />
              </packageSources>
              <fallbackPackageFolders>
                <add key="machine" value="{MachinePackageFolder()}" />
              </fallbackPackageFolders>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(app, "App.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Dsl.Runtime" Version="{version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(app, "Program.cs"), """
            using Dsl;
            using TorchSharp;

            using var model = new Tiny();
            using var outputs = model.Forward(torch.ones(2, 4));
            System.Console.WriteLine("scores " + string.Join("x", outputs.Scores.shape) + " params " + Tiny.Info.TrainableParameters);

            [Model]
            public partial class Tiny
            {
                static void Define(Graph g) => g.Output("scores", g.Input("x", 4).Linear(3).Softmax());
            }
            """);

        // The app never chooses oneDNN's kernels: the generated forward does, before its first layer, as the notice
        // about the mistyped setting shows.
        environment["DSL_ONEDNN_KERNELS"] = "fastest";
        var run = await DotnetProcess.RunAsync(app, TimeSpan.FromMinutes(5), environment, "run", "-nodeReuse:false");
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("scores 2x3 params 15", run.Output, StringComparison.Ordinal);
        Assert.Contains("Dsl: DSL_ONEDNN_KERNELS='fastest' is not a kernel choice", run.Output, StringComparison.Ordinal);
    }

    /// <summary>The machine's NuGet package folder: NUGET_PACKAGES, else ~/.nuget/packages.</summary>
    internal static string MachinePackageFolder() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } folder
            ? folder
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
}
