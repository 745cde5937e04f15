using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Dsl.Generator.Tests.Pipeline;

/// <summary>
/// The generator reuses a model's parse across compilations only while nothing it read changed: edits elsewhere cost no
/// interpretation, and every edit that can change a model (its file, a helper's body, a constant, a new declaration)
/// interprets it again and changes the generated module.
/// </summary>
public class ParseReuseTests
{
    private const string Net = """
        using Dsl;

        namespace Reuse;

        [Model]
        public partial class Net
        {
            static void Define(Graph g)
            {
                var x = g.Input("x", Sizes.In);
                g.Output("y", Blocks.Stack(x, Sizes.Depth).Linear(Sizes.Out));
            }
        }
        """;

    private const string Blocks = """
        using Dsl;

        namespace Reuse;

        public static class Blocks
        {
            public static Node Stack(Node x, int depth)
            {
                for (int i = 0; i < depth; i++)
                {
                    x = x.Linear(16).Relu();
                }

                return x;
            }

            public static int Unused(int x)
            {
                return x * 2;
            }
        }
        """;

    private const string Sizes = """
        namespace Reuse;

        public static class Sizes
        {
            public const int In = 8;
            public static readonly int Depth = 2;
            public const int Out = 3;
        }
        """;

    private const string Other = """
        namespace Reuse;

        public static class Tools
        {
            public static int Twice(int x)
            {
                return x * 2;
            }
        }
        """;

    private const string Second = """
        using Dsl;

        namespace Reuse;

        [Model]
        public partial class Second
        {
            static void Define(Graph g) => g.Output("z", g.Input("x", 4).Linear(2));
        }
        """;

    private sealed class Session
    {
        private readonly ModelGenerator generator = new();
        private GeneratorDriver driver;

        public Session()
        {
            Compilation = GeneratorHarness.Compile(
                new[] { ("Net.cs", Net), ("Blocks.cs", Blocks), ("Sizes.cs", Sizes), ("Other.cs", Other), ("Second.cs", Second) }
                    .Select(f => CSharpSyntaxTree.ParseText(f.Item2, GeneratorHarness.ParseOptions, path: f.Item1)));
            driver = GeneratorHarness.CreateDriver(generator);
            Run();
        }

        public CSharpCompilation Compilation { get; private set; }

        public int Interpretations => generator.Parses.Interpretations;

        public string Module => Generated("Reuse.Net.g.cs");

        public string Generated(string hintName) =>
            driver.GetRunResult().Results.Single().GeneratedSources.Single(s => s.HintName == hintName).SourceText.ToString();

        /// <summary>Replaces the file at <paramref name="path"/> (or adds it) and runs the generator again.</summary>
        public void Edit(string path, string text)
        {
            var tree = CSharpSyntaxTree.ParseText(text, GeneratorHarness.ParseOptions, path: path);
            var old = Compilation.SyntaxTrees.SingleOrDefault(t => t.FilePath == path);
            Compilation = old is null ? Compilation.AddSyntaxTrees(tree) : Compilation.ReplaceSyntaxTree(old, tree);
            Run();
        }

        private void Run() => driver = driver.RunGenerators(Compilation);
    }

    [Fact]
    public void The_first_run_interprets_each_model_once()
    {
        var session = new Session();
        Assert.Equal(2, session.Interpretations);
    }

    [Fact]
    public void Edits_that_cannot_change_a_model_interpret_nothing()
    {
        var session = new Session();
        string module = session.Module;

        session.Edit("Other.cs", Other.Replace("x * 2", "x * 3"));          // a body no model reads
        session.Edit("Other.cs", Other.Replace("namespace Reuse;", "// a comment\nnamespace Reuse;"));
        session.Edit("Blocks.cs", Blocks.Replace("x * 2", "x + x"));         // an unread body in a file a model reads

        Assert.Equal(2 + 1, session.Interpretations);                        // only the last edit touched a file Net read
        Assert.Equal(module, session.Module);

        // After a chain of reuses, an edit that matters is still seen.
        session.Edit("Other.cs", Other);
        session.Edit("Sizes.cs", Sizes.Replace("Out = 3", "Out = 4"));
        Assert.Contains("Linear(16, 4,", session.Module);
    }

    [Fact]
    public void An_edit_to_the_models_own_file_interprets_it_again_and_only_it()
    {
        var session = new Session();
        session.Edit("Net.cs", Net.Replace(".Linear(Sizes.Out)", ".Linear(Sizes.Out).Relu()"));

        Assert.Equal(3, session.Interpretations);
        // Three in the float32 forward and three in the bf16-mixed one.
        Assert.Equal(6, System.Text.RegularExpressions.Regex.Matches(session.Module, @"functional\.relu\(|\.relu_\(\)").Count);
    }

    [Fact]
    public void A_helper_body_edited_in_another_file_changes_the_generated_module()
    {
        var session = new Session();
        session.Edit("Blocks.cs", Blocks.Replace("x.Linear(16)", "x.Linear(32)"));

        Assert.Contains("Linear(8, 32,", session.Module);
        Assert.DoesNotContain("Linear(8, 16,", session.Module);
    }

    [Theory]
    [InlineData("In = 8", "In = 5", "Linear(5, 16,")]
    [InlineData("Depth = 2", "Depth = 3", "linear_4")]
    [InlineData("Out = 3", "Out = 7", "Linear(16, 7,")]
    public void A_constant_or_field_edited_in_another_file_changes_the_generated_module(string before, string after, string expected)
    {
        var session = new Session();
        Assert.DoesNotContain(expected, session.Module);

        session.Edit("Sizes.cs", Sizes.Replace(before, after));

        Assert.Contains(expected, session.Module);
    }

    [Fact]
    public void A_new_declaration_elsewhere_interprets_every_model_again()
    {
        // A new file can add a declaration that changes what Define binds to (a more specific overload, a type that
        // shadows a name): no parse survives it.
        var session = new Session();
        session.Edit("New.cs", "namespace Reuse; public static class More { public const int Seven = 7; }");

        Assert.Equal(4, session.Interpretations);
    }

    [Fact]
    public void A_declaration_changed_in_an_unread_file_interprets_every_model_again()
    {
        var session = new Session();
        session.Edit("Other.cs", Other.Replace("public static int Twice(int x)", "public static long Twice(int x)"));

        Assert.Equal(4, session.Interpretations);
    }
}
