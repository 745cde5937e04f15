using Dsl.Generator.Parsing;
using Microsoft.CodeAnalysis.CSharp;

namespace Dsl.Generator.Tests.Pipeline;

/// <summary>What counts as a declaration change, which makes the generator interpret every model again.</summary>
public class DeclarationShapeTests
{
    private const string Before = """
        using System;

        namespace Shapes;

        [Serializable]
        public static class Tools
        {
            public const int Size = 8;
            public static readonly int[] Sizes = { 1, 2 };
            public static int Width => 28;
            public static int Height { get { return 28; } }

            public static int Twice(int x)
            {
                return x * 2;
            }

            public static int Thrice(int x) => x * 3;

            static Tools()
            {
                Console.WriteLine("loaded");
            }
        }
        """;

    private static bool Same(string after) => DeclarationShape.Same(
        CSharpSyntaxTree.ParseText(Before, GeneratorHarness.ParseOptions),
        CSharpSyntaxTree.ParseText(after, GeneratorHarness.ParseOptions),
        default);

    [Theory]
    [InlineData("return x * 2;", "return x + x;")]                           // a method body
    [InlineData("=> x * 3;", "=> x + x + x;")]                               // an expression-bodied method
    [InlineData("Width => 28;", "Width => 32;")]                             // an expression-bodied property
    [InlineData("get { return 28; }", "get { return 32; }")]                 // an accessor body
    [InlineData("Console.WriteLine(\"loaded\");", "")]                       // a constructor body
    [InlineData("namespace Shapes;", "// a comment\nnamespace Shapes;")]    // trivia
    public void Edits_inside_bodies_and_trivia_keep_the_shape(string before, string after) =>
        Assert.True(Same(Edit(before, after)));

    [Theory]
    [InlineData("Size = 8;", "Size = 9;")]                                   // a constant
    [InlineData("{ 1, 2 };", "{ 1, 2, 3 };")]                                // a field initializer
    [InlineData("[Serializable]", "")]                                       // an attribute
    [InlineData("public static int Twice(int x)", "public static long Twice(int x)")]  // a signature
    [InlineData("using System;", "using System;\nusing System.Linq;")]       // a using directive
    [InlineData("public static int Thrice", "public static int Four(int x) => x * 4;\n    public static int Thrice")]  // a new member
    public void Edits_to_declarations_change_the_shape(string before, string after) =>
        Assert.False(Same(Edit(before, after)));

    private static string Edit(string before, string after)
    {
        string edited = Before.Replace(before, after, System.StringComparison.Ordinal);
        Assert.NotEqual(Before, edited);
        return edited;
    }

    [Fact]
    public void Top_level_statements_are_part_of_the_shape()
    {
        var before = CSharpSyntaxTree.ParseText("System.Console.WriteLine(1);", GeneratorHarness.ParseOptions);
        var after = CSharpSyntaxTree.ParseText("System.Console.WriteLine(2);", GeneratorHarness.ParseOptions);
        Assert.False(DeclarationShape.Same(before, after, default));
    }
}
