namespace Dsl.Checks;

/// <summary>A tensor as a generated model's check saw it.</summary>
/// <param name="Model">The model's name.</param>
/// <param name="Role"><c>input</c> or <c>target</c>.</param>
/// <param name="Name">The declared name (<c>image</c>, <c>label</c>).</param>
internal sealed record CheckedTensor(string Model, string Role, string Name)
{
    /// <summary><c>DigitClassifier: target 'label'</c>.</summary>
    public override string ToString() => $"{Model}: {Role} '{Name}'";
}
