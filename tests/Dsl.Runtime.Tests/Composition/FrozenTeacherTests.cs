using System;
using System.IO;
using System.Linq;
using Dsl.Data;
using Dsl.Training;
using Dsl.Weights;
using Examples.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Dsl.Runtime.Tests.Composition;

/// <summary>
/// Seed 000: a teacher DigitClassifier trained and saved, loaded by name into MirrorAlignment's frozen teacher;
/// training the 1 - cosine term changes the student and leaves the teacher bit-for-bit unchanged.
/// </summary>
[Collection(Training.TrainingCollection.Name)]
public class FrozenTeacherTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "dsl-frozen-" + Guid.NewGuid().ToString("N"));

    public FrozenTeacherTests() => Directory.CreateDirectory(directory);

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private static byte[] Bytes(Tensor t) => t.detach().cpu().contiguous().bytes.ToArray();

    [Fact]
    public void The_frozen_teacher_keeps_its_weights_while_the_student_learns_without_labels()
    {
        using var digits = MnistData.Load();
        using var split = digits.Split(512);
        var options = new TrainingOptions { Epochs = 1, BatchSize = 64, Seed = 3, Optimizer = OptimizerSpec.Adam() };

        string teacherFile = Path.Combine(directory, "teacher.safetensors");
        using (var teacher = new DigitClassifier())
        using (var labelled = new TensorDataset(new System.Collections.Generic.Dictionary<string, Tensor> { ["image"] = split.Train.Images.alias(), ["label"] = split.Train.Labels.alias() }))
        {
            Trainer.Fit(teacher, labelled, null, options);
            teacher.SaveWeights(teacherFile);
        }

        using var model = new MirrorAlignment();
        // The standalone classifier's file (layer1.weight, ...) loads by name into the submodel (teacher.layer1.weight, ...).
        var report = model.LoadWeights(teacherFile, strict: true, prefix: "teacher");
        Assert.Equal(8, report.Loaded.Count);
        Assert.Empty(report.Missing);
        var teacherBefore = model.Teacher.named_parameters().ToDictionary(p => p.name, p => Bytes(p.parameter));
        var studentBefore = model.Student.named_parameters().ToDictionary(p => p.name, p => Bytes(p.parameter));

        model.train();
        Assert.False(model.Teacher.training, "the frozen teacher must stay in eval mode when the parent trains");
        Assert.All(model.Teacher.parameters(), p => Assert.False(p.requires_grad));

        using (var unlabelled = new TensorDataset(new System.Collections.Generic.Dictionary<string, Tensor> { ["image"] = split.Train.Images.alias() }))
        {
            var history = Trainer.Fit(model, unlabelled, null, options with { Optimizer = OptimizerSpec.Adadelta() });
            Assert.True(history.Epochs.Single().Train.Losses["misalignment"] < 1.0);
        }

        foreach (var (name, parameter) in model.Teacher.named_parameters())
        {
            Assert.Equal(teacherBefore[name], Bytes(parameter));
        }

        Assert.Contains(model.Student.named_parameters(), p => !studentBefore[p.name].SequenceEqual(Bytes(p.parameter)));
        Assert.Equal((1_199_882L, 1_199_882L), (MirrorAlignment.Info.TrainableParameters, MirrorAlignment.Info.NonTrainableParameters));
    }
}
