using System;
using System.Reflection;
using System.Threading.Tasks;
using Dsl.Tests.Shared;

namespace Dsl.Generator.Tests.Fixtures;

/// <summary>The dotnet CLI for the fixture builds, in this test assembly's configuration.</summary>
public static class DotnetCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    /// <summary>The configuration this test assembly was built in, so child builds reuse the same outputs.</summary>
    public static string Configuration { get; } =
        typeof(DotnetCli).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    public static Task<(int ExitCode, string Output)> RunAsync(string workingDirectory, params string[] args) =>
        DotnetProcess.RunAsync(workingDirectory, Timeout, args);
}
