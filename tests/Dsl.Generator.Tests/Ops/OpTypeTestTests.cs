using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Dsl.Generator.Ops;

namespace Dsl.Generator.Tests.Ops;

/// <summary>
/// Code outside <c>Dsl.Generator/Ops/</c> asks an op's descriptor (its value range, layout, fix hooks, upstream facts)
/// instead of testing the op record's type: a check that switches over op types is one place per op that the
/// catalogue cannot see, and a new op silently misses it. Structural ops (an input, a submodel's application, built by
/// the parser's graph calls) are graph structure, not catalogue entries, and may be tested.
/// </summary>
public class OpTypeTestTests
{
    /// <summary>
    /// Type tests left in files another change is rewriting: file, op record. The test also fails when one of them is
    /// gone, so the list only shrinks. Empty since the loss rules ask the descriptors (<c>SquashesLogits</c>,
    /// <c>IsSimilarity</c>).
    /// </summary>
    private static readonly (string File, string Op)[] KnownDebt = System.Array.Empty<(string File, string Op)>();

    [Fact]
    public void No_code_outside_Ops_type_tests_an_op_record()
    {
        var found = new List<(string File, string Op)>();
        foreach (string folder in new[] { "Dsl.Generator", "Dsl.CodeFixes", "Dsl.Onnx" })
        {
            string root = Path.Combine(RepoFiles.Root, folder);
            foreach (string path in Directory.GetFiles(root, "*.cs", SearchOption.AllDirectories))
            {
                string relative = Path.GetRelativePath(RepoFiles.Root, path).Replace('\\', '/');
                if (relative.StartsWith("Dsl.Generator/Ops/", StringComparison.Ordinal) || relative.Contains("/obj/", StringComparison.Ordinal) || relative.Contains("/bin/", StringComparison.Ordinal))
                {
                    continue;
                }

                found.AddRange(TypeTests(File.ReadAllText(path)).Select(op => (relative, op)));
            }
        }

        var offenders = found.Distinct().Where(f => !KnownDebt.Contains(f)).Select(f => f.File + ": " + f.Op).ToList();
        Assert.True(offenders.Count == 0, "code outside Dsl.Generator/Ops/ tests an op record's type; ask its descriptor (OpCatalogue.For(op)) for the fact, adding a member to OpDescriptor if none fits:\n" + string.Join("\n", offenders));

        var stale = KnownDebt.Where(d => !found.Contains(d)).Select(d => d.File + ": " + d.Op).ToList();
        Assert.True(stale.Count == 0, "known debt no longer present, remove it from the list: " + string.Join(", ", stale));
    }

    [Theory]
    [InlineData("if (node.Op is ConvOp conv) { }", "ConvOp")]
    [InlineData("var x = op as SoftmaxOp;", "SoftmaxOp")]
    [InlineData("switch (op) { case LinearOp: break; }", "LinearOp")]
    [InlineData("n.Op is InputOp or RecurrentOp", "RecurrentOp")]
    [InlineData("nodes.Select(n => n.Op).OfType<FlipOp>()", "FlipOp")]
    [InlineData("node is { Op: RecurrentOp { Bidirectional: true } }", "RecurrentOp")]
    [InlineData("((ConvOp)n.Op) with { }", "ConvOp")]
    public void The_scan_finds_each_form_of_type_test(string code, string op) => Assert.Contains(op, TypeTests(code));

    [Fact]
    public void The_scan_allows_structural_ops_and_names_in_prose()
    {
        Assert.Empty(TypeTests("if (n.Op is InputOp input || n.Op is ApplyOp) { } // a ConvOp is a layer"));
    }

    private static readonly string[] CatalogueOps = OpCatalogue.All
        .Where(d => !d.Surface.All(e => e.IsStructural))
        .Select(d => d.OpType.Name)
        .ToArray();

    /// <summary>The catalogue op records <paramref name="code"/> type-tests: is, as, case, or, OfType, property patterns, casts.</summary>
    private static IEnumerable<string> TypeTests(string code)
    {
        string names = string.Join("|", CatalogueOps);
        var pattern = new Regex(@"(\bis\s+(not\s+)?|\bas\s+|\bcase\s+|\bor\s+|\band\s+|OfType<|\bOp:\s*|\(\()(?<op>" + names + @")\b");
        return pattern.Matches(code).Select(m => m.Groups["op"].Value).Distinct();
    }
}
