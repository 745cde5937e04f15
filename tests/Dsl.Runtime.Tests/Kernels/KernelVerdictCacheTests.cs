using System;
using System.IO;
using Dsl.Checks;

namespace Dsl.Runtime.Tests.Kernels;

/// <summary>
/// The verdict cache: a verdict holds only for the exact CPU model, CPU flags, libtorch build and check revision it
/// was found with; anything unreadable is no verdict (the check runs again), never a crash.
/// </summary>
public sealed class KernelVerdictCacheTests : IDisposable
{
    private static readonly HostKey Key = new("Test CPU (family 6, model 1, stepping 1)", "abc", "TorchSharp 0.0.1", HostKey.CheckRevision);
    private readonly KernelVerdictCache cache = new(Path.Combine(Path.GetTempPath(), "dsl-kernel-cache-" + Guid.NewGuid().ToString("N")));

    public void Dispose()
    {
        if (Directory.Exists(cache.Directory))
        {
            Directory.Delete(cache.Directory, recursive: true);
        }
    }

    [Theory]
    [InlineData(KernelCheckOutcome.Passed)]
    [InlineData(KernelCheckOutcome.Failed)]
    public void A_written_verdict_reads_back(KernelCheckOutcome outcome)
    {
        Assert.True(cache.Write(Key, new KernelCheckResult(outcome, "what the check saw")));

        Assert.Equal(new KernelCheckResult(outcome, "what the check saw"), cache.Read(Key));
        Assert.Single(Directory.GetFiles(cache.Directory)); // no temp file left behind
    }

    [Fact]
    public void Nothing_is_read_before_a_check_and_an_unavailable_check_is_not_written()
    {
        Assert.Null(cache.Read(Key));
        Assert.False(cache.Write(Key, new KernelCheckResult(KernelCheckOutcome.Unavailable, "no child")));
        Assert.Null(cache.Read(Key));
    }

    [Fact]
    public void Another_CPU_model_flags_library_or_check_revision_is_not_served_the_verdict()
    {
        cache.Write(Key, new KernelCheckResult(KernelCheckOutcome.Passed, "ok"));

        Assert.Null(cache.Read(Key with { Cpu = "Other CPU (family 25, model 17, stepping 1)" }));
        Assert.Null(cache.Read(Key with { CpuFlags = "def" }));
        Assert.Null(cache.Read(Key with { Torch = "TorchSharp 0.0.2" }));
        Assert.Null(cache.Read(Key with { Check = HostKey.CheckRevision + 1 }));
        Assert.NotNull(cache.Read(Key));
    }

    [Fact]
    public void A_file_written_for_another_key_under_this_keys_name_is_not_trusted()
    {
        var other = Key with { Cpu = "Other CPU" };
        cache.Write(other, new KernelCheckResult(KernelCheckOutcome.Passed, "ok"));
        File.Move(cache.PathFor(other), cache.PathFor(Key));

        Assert.Null(cache.Read(Key));
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("not json at all")]
    [InlineData("null")]
    [InlineData("[1, 2]")]
    [InlineData("{\"Key\": null, \"Verdict\": \"fast\", \"Detail\": \"x\"}")]
    [InlineData("{\"Verdict\": \"maybe\", \"Detail\": \"x\"}")]
    public void A_corrupted_file_is_no_verdict_and_is_replaced_by_the_next_check(string content)
    {
        Directory.CreateDirectory(cache.Directory);
        File.WriteAllText(cache.PathFor(Key), content);

        Assert.Null(cache.Read(Key));
        var decision = KernelPolicy.Decide(null, null, Key, cache, () => new KernelCheckResult(KernelCheckOutcome.Passed, "rechecked"));

        Assert.Equal(KernelSource.Checked, decision.Source);
        Assert.Equal(new KernelCheckResult(KernelCheckOutcome.Passed, "rechecked"), cache.Read(Key));
    }

    [Fact]
    public void A_tampered_verdict_is_no_verdict()
    {
        cache.Write(Key, new KernelCheckResult(KernelCheckOutcome.Passed, "ok"));
        string path = cache.PathFor(Key);
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"fast\"", "\"fastest\"", StringComparison.Ordinal));

        Assert.Null(cache.Read(Key));
    }

    [Fact]
    public void A_cache_folder_that_cannot_be_created_is_ignored()
    {
        string blocker = cache.Directory;
        Directory.CreateDirectory(Path.GetDirectoryName(blocker)!);
        File.WriteAllText(blocker, "a file where the folder should be");
        try
        {
            var blocked = new KernelVerdictCache(Path.Combine(blocker, "dsl"));
            Assert.False(blocked.Write(Key, new KernelCheckResult(KernelCheckOutcome.Passed, "ok")));
            Assert.Null(blocked.Read(Key));
        }
        finally
        {
            File.Delete(blocker);
        }
    }

    [Fact]
    public void The_user_cache_is_under_XDG_CACHE_HOME_when_set()
    {
        string? saved = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        try
        {
            Environment.SetEnvironmentVariable("XDG_CACHE_HOME", "/tmp/xdg-test");
            Assert.Equal(Path.Combine("/tmp/xdg-test", "dsl"), KernelVerdictCache.ForUser().Directory);
            Environment.SetEnvironmentVariable("XDG_CACHE_HOME", "relative/ignored");
            Assert.EndsWith(Path.Combine(".cache", "dsl"), KernelVerdictCache.ForUser().Directory, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("XDG_CACHE_HOME", saved);
        }
    }
}
