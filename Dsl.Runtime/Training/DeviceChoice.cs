using System;
using System.Globalization;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace Dsl.Training;

/// <summary>Turns a device name (<c>cpu</c>, <c>cuda</c>, <c>cuda:1</c>) into a TorchSharp device, with clear errors.</summary>
internal static class DeviceChoice
{
    public static Device Parse(string name)
    {
        string text = (name ?? string.Empty).Trim().ToLowerInvariant();
        if (text == "cpu")
        {
            return CPU;
        }

        bool isCuda = text == "cuda"
            || (text.StartsWith("cuda:", StringComparison.Ordinal)
                && int.TryParse(text.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out _));
        if (!isCuda)
        {
            throw new ArgumentException($"Unknown device '{name}': use \"cpu\", \"cuda\" or \"cuda:N\".", nameof(name));
        }

        if (!cuda.is_available())
        {
            throw new ArgumentException(
                $"Device '{name}' was requested but CUDA is not available here (no visible GPU, or this build uses the " +
                "TorchSharp-cpu package). Use \"cpu\", or build with the CUDA package on a CUDA host (see the README).",
                nameof(name));
        }

        return device(text);
    }

    /// <summary>The device of the module's first parameter, or the CPU for a module without parameters.</summary>
    public static Device Of(nn.Module module) => module.parameters().FirstOrDefault()?.device ?? CPU;
}
