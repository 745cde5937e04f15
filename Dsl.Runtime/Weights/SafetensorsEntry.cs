using System.Collections.Generic;
using static TorchSharp.torch;

namespace Dsl.Weights;

/// <summary>
/// One tensor described by a safetensors header: its name, dtype, shape and the byte range
/// [<paramref name="Begin"/>, <paramref name="End"/>) of its data, relative to the end of the header.
/// </summary>
internal sealed record SafetensorsEntry(string Name, ScalarType DType, IReadOnlyList<long> Shape, long Begin, long End);
