using System;
using System.IO;
using System.Linq;
using System.Reflection;
using TorchSharp;

namespace Dsl.Runtime.Tests.NativeCompat;

/// <summary>Where the real libLibTorchSharp.so lives: the pristine NuGet cache copy and this test's output copy.</summary>
internal static class NativeLibraryFixture
{
    public const string FileName = "libLibTorchSharp.so";

    /// <summary>The NuGet cache copy of the TorchSharp version this assembly was built against (never patched).</summary>
    public static string PackageCopy()
    {
        string? root = typeof(NativeLibraryFixture).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "NuGetPackageRoot")?.Value;
        Assert.False(string.IsNullOrEmpty(root), "the test assembly has no NuGetPackageRoot metadata");

        Version version = typeof(torch).Assembly.GetName().Version!;
        string packageVersion = $"{version.Major}.{version.Minor}.{version.Build}";
        string path = Path.Combine(root!, "torchsharp", packageVersion, "runtimes", "linux-x64", "native", FileName);
        Assert.True(File.Exists(path), $"expected TorchSharp's native library at {path}");
        return path;
    }

    /// <summary>The copy the build put next to this test assembly (patched by build/NativeCompat.targets when needed).</summary>
    public static string OutputCopy()
    {
        return Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", FileName);
    }
}
