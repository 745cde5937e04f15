using DslApp.Models;

// Trains the model of Models/DigitClassifier.cs for one epoch on the 10,000 MNIST digits embedded in Dsl.Runtime,
// then writes its weights, an ONNX file and a PyTorch project for torchrun. `dotnet run -- 1000` trains on the first 1,000 digits only.
int samples = int.MaxValue;
if (args.Length > 0 && (!int.TryParse(args[0], out samples) || samples < 1))
{
    Console.Error.WriteLine($"usage: dotnet run [-- <samples>]: '{args[0]}' is not a positive number of training digits");
    return 2;
}

using var data = MnistData.Load();                       // DataSource.Embedded: no download
using var split = data.Split();                          // the embedded training and test digits
using var train = DigitClassifier.Dataset(image: split.Train.Images, label: split.Train.Labels).Take(samples);
using var test = DigitClassifier.Dataset(image: split.Test.Images, label: split.Test.Labels).Take(samples);

torch.manual_seed(42);
using var model = new DigitClassifier();
Console.WriteLine(DigitClassifier.Info.Summary());       // layers, shapes and parameter counts

// Prints Keras-style progress (TrainingOptions.Verbose): a live bar in a terminal, a line per epoch otherwise.
var history = Trainer.Fit(model, train, test, new TrainingOptions { Epochs = 1, BatchSize = 64 });
var last = history.Epochs[^1];
Console.WriteLine($"test accuracy {last.Validation!.Accuracy["label"]:P1} on {test.Count} digits");

model.SaveWeights("DigitClassifier.safetensors");        // read back with model.LoadWeights(path)
model.ExportOnnx("DigitClassifier.onnx");                // for ONNX Runtime, or any ONNX tool
Console.WriteLine("wrote DigitClassifier.safetensors and DigitClassifier.onnx");

// Training beyond one machine: the model, its weights, a torchrun (DDP) script and the data as a PyTorch project;
// PyTorchProject.LoadTrainedWeights(model, "pytorch") reads back what torchrun trained.
var project = PyTorchProject.Write(model, "pytorch", train, test);
Console.WriteLine($"wrote the PyTorch project {project.Directory}; train it with: cd pytorch && {project.TorchrunCommand} --epochs 1");
return 0;
