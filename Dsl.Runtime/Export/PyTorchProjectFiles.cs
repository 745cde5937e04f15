using System.Collections.Generic;

namespace Dsl.Export;

/// <summary>What <see cref="PyTorchProject.Write"/> wrote: the folder, its files in order, and how to train it.</summary>
/// <param name="Directory">The project folder (full path).</param>
/// <param name="Files">The file names written, in order: <c>model.py</c>, <c>weights.safetensors</c>, <c>train_ddp.py</c>, then the data files given.</param>
/// <param name="TorchrunCommand">
/// The command that trains the project with two processes on this machine, to run in <paramref name="Directory"/>
/// (<see cref="PyTorchProject.TorchrunCommand"/>; append <c>--epochs N</c> and the script's other options).
/// </param>
public sealed record PyTorchProjectFiles(string Directory, IReadOnlyList<string> Files, string TorchrunCommand);
