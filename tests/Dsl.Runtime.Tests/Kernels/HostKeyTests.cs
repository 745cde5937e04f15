using Dsl.Checks;

namespace Dsl.Runtime.Tests.Kernels;

/// <summary>The cache key names the CPU the verdict holds for, read from <c>/proc/cpuinfo</c>.</summary>
public sealed class HostKeyTests
{
    private const string CpuInfo = """
        processor	: 0
        vendor_id	: AuthenticAMD
        cpu family	: 25
        model		: 17
        model name	: AMD EPYC 9R14 96-Core Processor
        stepping	: 1
        flags		: fpu avx avx2 avx512f
        """;

    [Fact]
    public void The_CPU_is_its_model_name_family_model_and_stepping()
    {
        var (cpu, flags) = HostKey.ParseCpuInfo(CpuInfo.ReplaceLineEndings("\n"));

        Assert.Equal("AMD EPYC 9R14 96-Core Processor (family 25, model 17, stepping 1)", cpu);
        Assert.Equal(12, flags.Length);
    }

    [Fact]
    public void Different_flags_give_a_different_key_the_same_flags_in_another_order_the_same()
    {
        string text = CpuInfo.ReplaceLineEndings("\n");
        var (_, flags) = HostKey.ParseCpuInfo(text);

        Assert.Equal(flags, HostKey.ParseCpuInfo(text.Replace("fpu avx avx2 avx512f", "avx512f avx2 fpu avx", System.StringComparison.Ordinal)).Flags);
        Assert.NotEqual(flags, HostKey.ParseCpuInfo(text.Replace(" avx512f", "", System.StringComparison.Ordinal)).Flags);
    }

    [Fact]
    public void The_digest_changes_with_every_part_of_the_key()
    {
        var key = new HostKey("cpu", "flags", "torch", 1);

        Assert.Equal(key.Digest, new HostKey("cpu", "flags", "torch", 1).Digest);
        Assert.NotEqual(key.Digest, (key with { Cpu = "other" }).Digest);
        Assert.NotEqual(key.Digest, (key with { CpuFlags = "other" }).Digest);
        Assert.NotEqual(key.Digest, (key with { Torch = "other" }).Digest);
        Assert.NotEqual(key.Digest, (key with { Check = 2 }).Digest);
    }

    [Fact]
    public void This_hosts_key_names_TorchSharp()
    {
        var key = HostKey.Current();

        Assert.StartsWith("TorchSharp ", key.Torch, System.StringComparison.Ordinal);
        Assert.Contains("libtorch_cpu.so", key.Torch, System.StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(key.Cpu));
    }
}
