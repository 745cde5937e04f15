using System;
using Dsl.Checks;

namespace Dsl.Runtime.Tests.Kernels;

/// <summary>The test process, like an app, asked for passive OpenMP waiting before libtorch loaded.</summary>
public sealed class ThreadWaitPolicyTests
{
    [Fact]
    public void The_policy_is_set_once_and_a_set_value_is_kept()
    {
        string? before = Environment.GetEnvironmentVariable(ThreadWaitPolicy.Variable);

        Assert.False(string.IsNullOrEmpty(before));
        Assert.False(ThreadWaitPolicy.UsePassiveWaiting());
        Assert.Equal(before, Environment.GetEnvironmentVariable(ThreadWaitPolicy.Variable));
    }
}
