using System;

namespace Dsl;

/// <summary>
/// The DSL surface is read by the source generator at compile time and never executed.
/// Calling it at run time is a usage error; this helper builds the exception that says so.
/// </summary>
internal static class DeclarationOnly
{
    internal static InvalidOperationException Called(string member) => new(
        $"'{member}' is part of a model declaration: it is read by the Dsl source generator at compile time " +
        "and is never executed. Do not call Define(...) at run time; construct the generated module instead " +
        "(new MyModel()) and call its forward / Forward methods.");
}
