using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Dsl.Editor.Tests.Fixture;
using Dsl.Editor.Tests.Lsp;

namespace Dsl.Editor.Tests;

/// <summary>
/// One csharp-ls on tests/Fixtures/EditorConsumer for all tests of a class, with the model file open and diagnosed
/// once (loading the workspace and the first diagnosis are the slow part). Each test sets the document text it
/// starts from. Records how long each stage took.
/// </summary>
public abstract class LanguageServerSession(DiagnosticsMode mode) : IAsyncLifetime
{
    public static readonly TimeSpan LoadTimeout = TimeSpan.FromSeconds(90);

    public DiagnosticsMode Mode { get; } = mode;

    public LanguageClient Client { get; private set; } = null!;

    public Uri ModelUri { get; } = new(EditorConsumer.ModelFile);

    /// <summary>The model file as it is on disk, with the mistake.</summary>
    public string OriginalText { get; } = File.ReadAllText(EditorConsumer.ModelFile).Replace("\r\n", "\n", StringComparison.Ordinal);

    public EditorConsumer.BuildResult Build { get; private set; } = null!;

    public string ServerVersion { get; private set; } = "";

    public List<(string Stage, TimeSpan Time)> Timings { get; } = [];

    public async Task InitializeAsync()
    {
        var clock = Stopwatch.StartNew();
        ServerVersion = await CsharpLs.EnsureInstalledAsync();
        Timings.Add(("csharp-ls --version", clock.Elapsed));

        clock.Restart();
        Build = await EditorConsumer.BuildOnceAsync();
        Timings.Add(("dotnet build of the fixture (restore, generator, runtime; once per run)", clock.Elapsed));

        clock.Restart();
        var server = CsharpLs.Start(EditorConsumer.Solution);

        // Analyzers are off by default in csharp-ls (csharp.analyzersEnabled); the DSL's DiagnosticAnalyzer needs them.
        var settings = new Dictionary<string, JsonNode> { ["csharp"] = new JsonObject { ["analyzersEnabled"] = true } };
        Client = await LanguageClient.StartAsync(server, new Uri(EditorConsumer.Directory + Path.DirectorySeparatorChar), Mode, settings);
        try
        {
            await Client.OpenAsync(ModelUri, OriginalText);
            await WithinLoadTimeout(Client.WorkspaceLoaded, "finish loading " + EditorConsumer.Solution, server);
            Timings.Add(("workspace load (server start to $/progress end)", clock.Elapsed));

            clock.Restart();
            await WithinLoadTimeout(Client.DiagnosticsAsync(ModelUri, _ => true, LoadTimeout), "diagnose the open model file", server);
            Timings.Add(($"first diagnosis after the load ({Mode} mode)", clock.Elapsed));
        }
        catch
        {
            await Client.DisposeAsync();
            Client = null!;
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        if (Client is null)
        {
            return;
        }

        try
        {
            await Client.ShutdownAsync();
        }
        finally
        {
            await Client.DisposeAsync();
        }
    }

    private static async Task WithinLoadTimeout(Task task, string what, LanguageServerProcess server)
    {
        try
        {
            await task.WaitAsync(LoadTimeout);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"csharp-ls did not {what} within {LoadTimeout.TotalSeconds:0} s. Its log:\n{server.StderrTail}", e);
        }
    }
}
