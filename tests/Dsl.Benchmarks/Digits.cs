using System.Collections.Generic;
using Dsl.Data;
using static TorchSharp.torch;

namespace Dsl.Benchmarks;

/// <summary>The embedded MNIST digits as a dataset with the columns DigitClassifier reads ("image", "label").</summary>
public static class Digits
{
    /// <summary>The first <paramref name="count"/> embedded digits; the caller owns the dataset.</summary>
    public static TensorDataset Load(int count)
    {
        using var digits = MnistData.Load();
        using var all = new TensorDataset(new Dictionary<string, Tensor>
        {
            ["image"] = digits.Images.alias(),
            ["label"] = digits.Labels.alias(),
        });
        return all.Take(count);
    }
}
