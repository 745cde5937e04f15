namespace Dsl.Weights;

/// <summary>The file formats weights are saved in and loaded from.</summary>
public enum WeightFormat
{
    /// <summary>
    /// TorchSharp's own format, as written by <c>nn.Module.save</c> and read by <c>nn.Module.load</c>: the tensors
    /// in state-dict order, each with its name, dtype and shape. Has no metadata.
    /// </summary>
    TorchSharp,

    /// <summary>
    /// The safetensors format (<c>.safetensors</c>): a JSON header naming every tensor's dtype, shape and byte
    /// range, then the raw little-endian data; readable by Python's <c>safetensors</c> and Hugging Face tools.
    /// </summary>
    Safetensors,

    /// <summary>
    /// PyTorch's <c>torch.save(model.state_dict(), path)</c> format (<c>.pt</c>, <c>.pth</c>): a zip archive holding a
    /// pickled dict of names to tensors and each tensor's raw data; read and written through TorchSharp.PyBridge. The
    /// tensors come back ordered by name (the pickled dict's order is not kept), so such a file loads by name only.
    /// </summary>
    PyTorch,
}
