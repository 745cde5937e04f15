using Dsl;

namespace Examples.Models;

/// <summary>
/// Seed 000's joint embedding: a pretrained <see cref="DigitClassifier"/> (the teacher, frozen) sees the upright
/// digit, a second, fresh <see cref="DigitClassifier"/> (the student) sees it upside down, and the student learns
/// without labels by minimizing 1 - cosine similarity of the two softmax outputs (the seed's Dot(normalize=True),
/// Lambda(1 - x) and mean-absolute-error against zeros, which is the same mean for non-negative vectors).
/// The seed builds the upside-down digits as x[:, ::-1]; here the graph flips the image itself (rows, dim 2).
/// </summary>
[Model]
public partial class MirrorAlignment
{
    static void Define(Graph g)
    {
        var image = g.Input("image", 1, 28, 28);
        var teacher = g.Use<DigitClassifier>("teacher", frozen: true);
        var student = g.Use<DigitClassifier>("student");

        var taught = teacher.Apply(image).Softmax();
        var studentLogits = student.Apply(image.Flip(2));
        g.Output("student_logits", studentLogits);

        g.Minimize("misalignment", 1 - Ops.CosineSimilarity(taught, studentLogits.Softmax()));
    }
}
