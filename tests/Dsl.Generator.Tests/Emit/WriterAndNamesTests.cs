using System.Collections.Generic;
using Dsl.Generator.Emit;
using Dsl.Generator.Model;

namespace Dsl.Generator.Tests.Emit;

public class WriterAndNamesTests
{
    [Fact]
    public void Writer_indents_blocks_and_leaves_empty_lines_bare()
    {
        var w = new IndentedWriter();
        w.Open("class C");
        w.Line("int x;");
        w.Line();
        w.Open("void M()").Line("a();\nb();").Close();
        w.Close(";");

        Assert.Equal("class C\n{\n    int x;\n\n    void M()\n    {\n        a();\n        b();\n    }\n};\n", w.ToString());
        Assert.Throws<System.InvalidOperationException>(() => w.Close());
    }

    [Theory]
    [InlineData("image", "Image")]
    [InlineData("is_odd", "IsOdd")]
    [InlineData("isOdd", "IsOdd")]
    [InlineData("x2", "X2")]
    [InlineData("2x", "_2x")]
    public void PascalCase_makes_member_names(string declared, string member) => Assert.Equal(member, Names.PascalCase(declared));

    [Theory]
    [InlineData("relu_1", "relu_1")]
    [InlineData("class", "@class")]
    [InlineData("var", "var")]
    public void Escape_prefixes_keywords(string name, string written) => Assert.Equal(written, Names.Escape(name));

    [Theory]
    [InlineData("layer.1", "layer_1")]
    [InlineData("1st", "_1st")]
    [InlineData("", "_")]
    public void Sanitize_makes_identifiers(string name, string identifier) => Assert.Equal(identifier, Names.Sanitize(name));

    [Fact]
    public void Unique_appends_numbers()
    {
        var used = new HashSet<string> { "x", "x2" };
        Assert.Equal("x3", Names.Unique("x", used));
        Assert.Equal("y", Names.Unique("y", used));
        Assert.Contains("x3", used);
    }

    [Fact]
    public void Literals_escape_and_round_trip()
    {
        Assert.Equal("\"a\\\"b\\\\c\\nd\\u0001\"", Names.StringLiteral("a\"b\\c\nd\u0001"));
        Assert.Equal("1.0", Names.DoubleLiteral(1));
        Assert.Equal("0.1", Names.DoubleLiteral(0.1));
        Assert.Equal("1E-05", Names.DoubleLiteral(1e-5));
        Assert.Equal("-2.5", Names.DoubleLiteral(-2.5));
        Assert.Equal("double.NegativeInfinity", Names.DoubleLiteral(double.NegativeInfinity));
        Assert.Equal("1,199,882", Names.Count(1_199_882));
        Assert.Equal("a &lt; b &amp; c -> d", Names.XmlText("a < b & c -> d"));
    }
}
