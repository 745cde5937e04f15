using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using static TorchSharp.torch;

namespace Dsl.Weights;

/// <summary>
/// The tensors of a weight file, read into CPU memory by name, independent of any module: to inspect a file,
/// to load it into several models, or to write tensors that do not come from one module. Owns its tensors:
/// dispose it when done.
/// </summary>
/// <example>
/// <code>
/// using var file = WeightFile.Read("digits.safetensors");
/// foreach (var (name, tensor) in file.Tensors) Console.WriteLine($"{name}: {tensor.dtype} [{string.Join(", ", tensor.shape)}]");
/// </code>
/// </example>
public sealed class WeightFile : IDisposable
{
    private readonly List<KeyValuePair<string, Tensor>> _tensors;
    private readonly Dictionary<string, Tensor> _byName;

    private WeightFile(string path, WeightFormat format, List<KeyValuePair<string, Tensor>> tensors, IReadOnlyDictionary<string, string> metadata)
    {
        Path = path;
        Format = format;
        _tensors = tensors;
        _byName = tensors.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        Metadata = metadata;
    }

    /// <summary>The file the tensors were read from.</summary>
    public string Path { get; }

    /// <summary>The format of the file.</summary>
    public WeightFormat Format { get; }

    /// <summary>
    /// The tensors in the order of their data in the file: state-dict order for files this library or TorchSharp
    /// wrote, the writer's order for safetensors files from elsewhere.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, Tensor>> Tensors => _tensors;

    /// <summary>The tensor named <paramref name="name"/>; throws <see cref="KeyNotFoundException"/> naming the file when absent.</summary>
    public Tensor this[string name] =>
        _byName.TryGetValue(name, out var tensor) ? tensor : throw new KeyNotFoundException($"{Path}: no tensor named '{name}'.");

    /// <summary>Whether the file holds a tensor named <paramref name="name"/>.</summary>
    public bool Contains(string name) => _byName.ContainsKey(name);

    /// <summary>The safetensors <c>__metadata__</c> strings; empty for TorchSharp files, which have none.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>
    /// <see cref="WeightFormat.Safetensors"/> for a <c>.safetensors</c> file, <see cref="WeightFormat.PyTorch"/> for
    /// <c>.pt</c> and <c>.pth</c> (any case), otherwise <see cref="WeightFormat.TorchSharp"/> (by convention <c>.dat</c>
    /// or <c>.bin</c>).
    /// </summary>
    public static WeightFormat FormatOf(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string extension = System.IO.Path.GetExtension(path);
        return extension.ToLowerInvariant() switch
        {
            ".safetensors" => WeightFormat.Safetensors,
            ".pt" or ".pth" => WeightFormat.PyTorch,
            _ => WeightFormat.TorchSharp,
        };
    }

    /// <summary>
    /// Reads every tensor of <paramref name="path"/> (format from the extension, see <see cref="FormatOf"/>) onto the
    /// CPU, validating the file strictly.
    /// </summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="WeightFileException">The file is truncated, corrupt, or uses an unsupported dtype.</exception>
    public static WeightFile Read(string path)
    {
        var format = FormatOf(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Weight file '{path}' does not exist.", path);
        }

        try
        {
            if (format == WeightFormat.Safetensors)
            {
                var (tensors, metadata) = SafetensorsFormat.Read(path);
                return new WeightFile(path, format, tensors, metadata);
            }

            if (format == WeightFormat.PyTorch)
            {
                return new WeightFile(path, format, PyTorchFormat.Read(path), new Dictionary<string, string>());
            }

            return new WeightFile(path, format, TorchSharpFormat.Read(path), new Dictionary<string, string>());
        }
        catch (Exception e) when (e is not (IOException or UnauthorizedAccessException or OutOfMemoryException))
        {
            // The readers validate every field; this is the net under them, so that no malformed file reaches the
            // caller as a bare exception of a lower layer (JSON, UTF-8, libtorch).
            throw new WeightFileException(path, $"the file is corrupt or not a {format} weight file ({e.GetType().Name}: {e.Message}).", e);
        }
    }

    /// <summary>
    /// Writes <paramref name="tensors"/> (any device; copied to the CPU as written) to <paramref name="path"/>
    /// atomically: a temporary file in the same directory replaces the target only once complete. Safetensors
    /// headers list the names sorted; the data, and TorchSharp files, follow the given order.
    /// </summary>
    /// <param name="path">The target file; its extension selects the format (see <see cref="FormatOf"/>).</param>
    /// <param name="tensors">Names and tensors, e.g. a module's <c>state_dict()</c>.</param>
    /// <param name="metadata">Safetensors <c>__metadata__</c> strings; TorchSharp files cannot carry any.</param>
    /// <exception cref="ArgumentException">Duplicate or reserved names, or metadata for a TorchSharp file.</exception>
    /// <exception cref="NotSupportedException">A tensor's dtype is not one the formats support.</exception>
    public static void Write(string path, IEnumerable<KeyValuePair<string, Tensor>> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        var format = FormatOf(path);
        var list = tensors.ToList();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, tensor) in list)
        {
            ArgumentNullException.ThrowIfNull(tensor, name);
            if (!names.Add(name))
            {
                throw new ArgumentException($"Tensor name '{name}' appears twice.", nameof(tensors));
            }

            if (format == WeightFormat.Safetensors && name == SafetensorsHeader.MetadataKey)
            {
                throw new ArgumentException($"'{SafetensorsHeader.MetadataKey}' is reserved for metadata in safetensors files and cannot name a tensor.", nameof(tensors));
            }

            SafetensorsDType.NameOf(tensor.dtype);
        }

        if (format != WeightFormat.Safetensors && metadata is { Count: > 0 })
        {
            throw new ArgumentException($"{format} weight files cannot carry metadata; save to a '.safetensors' file to keep it ('{path}').", nameof(metadata));
        }

        AtomicFile.Write(path, stream =>
        {
            if (format == WeightFormat.Safetensors)
            {
                SafetensorsFormat.Write(stream, list, metadata);
            }
            else if (format == WeightFormat.PyTorch)
            {
                PyTorchFormat.Write(stream, list);
            }
            else
            {
                TorchSharpFormat.Write(stream, list);
            }
        });
    }

    /// <summary>Disposes the tensors read from the file.</summary>
    public void Dispose() => NamedTensors.DisposeAll(_tensors);
}
