using System;

namespace Dsl;

/// <summary>
/// Marks a <c>partial</c> class whose <c>static void Define(Graph g)</c> declares a network.
/// The Dsl source generator turns it into a TorchSharp module with typed inputs and outputs.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class ModelAttribute : Attribute
{
}
