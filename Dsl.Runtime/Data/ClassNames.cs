using System.Collections.Generic;

namespace Dsl.Data;

/// <summary>The class names of the datasets <see cref="MnistData"/> loads, indexed by label.</summary>
public static class ClassNames
{
    /// <summary>MNIST: the digits "0" to "9".</summary>
    public static IReadOnlyList<string> Digits { get; } = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];

    /// <summary>Fashion-MNIST's ten classes, as its authors name them.</summary>
    public static IReadOnlyList<string> Fashion { get; } =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];
}
