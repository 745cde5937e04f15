using System;

namespace Dsl.Data;

/// <summary>A dataset split into a training and a test part (see <see cref="MnistData.Split()"/>).</summary>
/// <param name="Train">The training part.</param>
/// <param name="Test">The test part.</param>
public sealed record MnistSplit(MnistData Train, MnistData Test) : IDisposable
{
    /// <summary>Disposes both parts (views: the dataset they came from stays usable).</summary>
    public void Dispose()
    {
        Train.Dispose();
        Test.Dispose();
    }
}
