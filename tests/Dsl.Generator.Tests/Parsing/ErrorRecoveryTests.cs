using System.Linq;

namespace Dsl.Generator.Tests.Parsing;

/// <summary>
/// After a mistake the interpreter goes on where the rest of Define does not depend on it, so one build reports every
/// independent mistake, each once, and nothing that only follows from another.
/// </summary>
public class ErrorRecoveryTests
{
    private static (string Id, string Text)[] Reported(string source) => GeneratorHarness.Run(source).Diagnostics
        .Select(d => (d.Id, d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan)))
        .ToArray();

    [Fact]
    public void Three_independent_mistakes_are_all_reported_at_their_spans_and_nothing_else()
    {
        var reported = Reported("""
            using Dsl;
            [Model]
            public partial class ThreeMistakes
            {
                static void Define(Graph g)
                {
                    var image = g.Input("image", 1, 28, 28);
                    var a = image.Conv2d(0, 3).Relu().Flatten();              // 1: an argument no layer accepts
                    var b = image.Flatten().Linear(10, name: "dense layer"); // 2: a name that is no identifier
                    var c = image.Linear(10).Relu();                          // 3: a shape mistake
                    g.Output("a", a.Linear(10));
                    g.Output("b", b);
                    g.Output("c", c);
                    g.Loss("label", a.Linear(10), Loss.CrossEntropy());
                }
            }
            """);

        Assert.Equal(
            new[] { ("DSL0007", "0"), ("DSL0301", "\"dense layer\""), ("DSL0002", "Linear(10)") },
            reported);
    }

    [Fact]
    public void A_refused_statement_fails_its_locals_silently_and_later_mistakes_are_still_found()
    {
        var reported = Reported("""
            using Dsl;
            [Model]
            public partial class RefusedStatement
            {
                static Node Head(Node x, int classes) => x.Linear(classes).Relu();

                static void Define(Graph g)
                {
                    var x = g.Input("x", 16);
                    int width = System.Environment.ProcessorCount;            // 1: not known at compile time
                    var hidden = x.Linear(width).Relu();
                    var y = Head(hidden, 4) + Head(x, 3);                      // nothing: reads the failed width
                    var z = Head(x, 4) + Head(x, 3);                           // 2: [B, 4] + [B, 3]
                    g.Output("y", y);
                    g.Output("z", z.Relu());                                   // nothing: z already failed
                    g.Output("w", x.Conv2d(8, 3));                             // 3: a 2-D input to Conv2d
                }
            }
            """);

        Assert.Equal(new[] { "DSL0103", "DSL0001", "DSL0002" }, reported.Select(r => r.Id));
        Assert.Equal("System.Environment.ProcessorCount", reported[0].Text);
    }

    [Fact]
    public void Two_mistakes_in_one_expression_are_both_reported()
    {
        var reported = Reported("""
            using Dsl;
            [Model]
            public partial class OneExpression
            {
                static void Define(Graph g)
                {
                    var x = g.Input("x", 3, 32, 32);
                    g.Output("y", Ops.Concat(1, x.Conv2d(8, 0), x.MaxPool2d(0)));
                }
            }
            """);

        Assert.Equal(new[] { ("DSL0007", "0"), ("DSL0007", "0") }, reported);
    }

    [Fact]
    public void A_runaway_loop_still_stops_the_declaration_with_one_diagnostic()
    {
        var reported = Reported("""
            using Dsl;
            [Model]
            public partial class Runaway
            {
                static void Define(Graph g)
                {
                    var x = g.Input("x", 4);
                    int k = 0;
                    for (int i = 0; i >= 0; i++) { k++; }
                    for (int j = 0; j >= 0; j++) { k++; }
                    g.Output("y", x);
                }
            }
            """);

        Assert.Equal("DSL0104", Assert.Single(reported).Id);
    }
}
