using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Dsl.Weights;

/// <summary>
/// PyTorch's <c>torch.save(state_dict)</c> files (<c>.pt</c> / <c>.pth</c>) through TorchSharp.PyBridge's pickle
/// reader and writer, with the checks PyBridge leaves out: the file must be a zip archive holding a pickled dict of
/// names to tensors (not a whole pickled module, not a training checkpoint dict, not the legacy pre-1.6 format).
/// </summary>
internal static class PyTorchFormat
{
    /// <summary>Reads every tensor of <paramref name="path"/> onto the CPU, ordered by name (ordinal).</summary>
    /// <exception cref="WeightFileException">The file is not a PyTorch state dict; the message says what it is instead and how to re-save it.</exception>
    public static List<KeyValuePair<string, Tensor>> Read(string path)
    {
        using (var probe = File.OpenRead(path))
        {
            Span<byte> signature = stackalloc byte[4];
            if (probe.ReadAtLeast(signature, 4, throwOnEndOfStream: false) < 4 || signature[0] != 0x50 || signature[1] != 0x4b || signature[2] != 0x03 || signature[3] != 0x04)
            {
                throw new WeightFileException(path,
                    "expected a zip archive (PyTorch's format since 1.6), but the file does not start with a zip header: it is cut off, not a " +
                    "PyTorch file, or saved with _use_new_zipfile_serialization=False; re-save it with torch.save(model.state_dict(), path).");
            }
        }

        Hashtable table;
        using (var scope = NewDisposeScope())
        {
            try
            {
                using var stream = File.OpenRead(path);
                table = PyTorchUnpickler.UnpickleStateDict(stream, leaveOpen: false);
            }
            catch (Exception e) when (e is not (IOException or UnauthorizedAccessException or OutOfMemoryException))
            {
                throw new WeightFileException(path,
                    $"the PyTorch archive could not be read as a state dict ({e.GetType().Name}: {e.Message}). Expected the file of " +
                    "torch.save(model.state_dict(), path); a whole module (torch.save(model, path)) or a truncated archive cannot be read.", e);
            }

            var tensors = new List<KeyValuePair<string, Tensor>>(table.Count);
            foreach (DictionaryEntry entry in table)
            {
                if (entry.Key is not string name)
                {
                    throw new WeightFileException(path, $"expected a state dict of names to tensors, but it has a key of type {entry.Key?.GetType().Name ?? "null"}.");
                }

                if (entry.Value is not Tensor tensor)
                {
                    throw new WeightFileException(path,
                        $"expected a state dict of names to tensors, but '{name}' holds a {entry.Value?.GetType().Name ?? "null"}: a training checkpoint " +
                        "({'model': ..., 'epoch': ...}) must be re-saved as its model's state dict alone (torch.save(checkpoint['model'], path)).");
                }

                tensors.Add(new KeyValuePair<string, Tensor>(name, tensor.detach().contiguous().MoveToOuterDisposeScope()));
            }

            return tensors.OrderBy(t => t.Key, StringComparer.Ordinal).ToList();
        }
    }

    /// <summary>Writes <paramref name="tensors"/> as a PyTorch state dict (what <c>torch.load</c> reads) into <paramref name="stream"/>.</summary>
    public static void Write(Stream stream, IReadOnlyList<KeyValuePair<string, Tensor>> tensors)
    {
        using var scope = NewDisposeScope();
        var dict = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var (name, tensor) in tensors)
        {
            dict[name] = tensor.detach().cpu().contiguous();
        }

        PyTorchPickler.PickleStateDict(stream, dict, leaveOpen: true);
    }
}
