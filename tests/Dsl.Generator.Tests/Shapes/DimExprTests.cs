using Dsl.Generator.Model;

namespace Dsl.Generator.Tests.Shapes;

/// <summary>
/// The canonical form of symbolic sizes: equal expressions are equal records (so <c>+</c> and <c>Concat</c>
/// compare them), and each form checks against brute force over many sizes.
/// </summary>
public class DimExprTests
{
    private static readonly DimExpr H = DimExpr.Sym("H");

    [Fact]
    public void Nested_floor_divisions_merge()
    {
        var twice = H.FloorDiv(2)!.FloorDiv(2)!;

        Assert.Equal(H.FloorDiv(4), twice);
        Assert.Equal("H / 4", twice.ToString());
    }

    [Fact]
    public void Offsets_inside_and_outside_a_division_normalize_to_one_form()
    {
        // floor((H - 3) / 2) + 1 and floor((H - 1) / 2) are the same size.
        var conv = H.Add(-3).FloorDiv(2)!.Add(1);
        var other = H.Add(-1).FloorDiv(2)!;

        Assert.Equal(other, conv);
        Assert.Equal("(H - 1) / 2", conv.ToString());
    }

    [Fact]
    public void A_divisible_numerator_divides_exactly()
    {
        Assert.Equal(H.Add(3), H.Times(4)!.Add(13).FloorDiv(4));
        Assert.Equal(H.Add(1).FloorDiv(2), H.Times(2)!.Add(2).FloorDiv(4));
    }

    [Fact]
    public void Sums_of_several_symbols_are_ordered_and_cancel()
    {
        var w = DimExpr.Sym("W");

        Assert.Equal("H + W", w.Plus(H)!.ToString());
        Assert.Equal(DimExpr.Of(0), H.Plus(w)!.Minus(w.Plus(H)!));
        Assert.Null(H.Multiply(w));
    }

    [Fact]
    public void Known_sizes_floor_like_integer_division()
    {
        Assert.Equal(DimExpr.Of(3), DimExpr.Of(7).FloorDiv(2));
        Assert.Equal(DimExpr.Of(4), DimExpr.Of(7).CeilDiv(2));
    }

    [Theory]
    [InlineData(2, 3, 1, 0)]
    [InlineData(3, 2, 1, 3)]
    [InlineData(5, 4, 2, -7)]
    public void Every_form_evaluates_as_brute_force_for_sizes_1_to_200(int firstDivisor, int secondDivisor, int coefficient, int offset)
    {
        var expression = H.Times(coefficient)!.Add(offset).FloorDiv(firstDivisor)!.Times(3)!.Add(1).FloorDiv(secondDivisor)!;

        for (int size = 1; size <= 200; size++)
        {
            long expected = Floor((3 * Floor((coefficient * size) + offset, firstDivisor)) + 1, secondDivisor);
            Assert.Equal(expected, Evaluate(expression, size));
        }
    }

    private static long Evaluate(DimExpr expression, int h)
    {
        long value = expression.Offset;
        foreach (var term in expression.Terms)
        {
            long atom = term.Atom.Name is not null ? h : Floor(Evaluate(term.Atom.Numerator!, h), term.Atom.Divisor);
            value += term.Coeff * atom;
        }

        return value;
    }

    private static long Floor(long value, long divisor) => (long)System.Math.Floor((double)value / divisor);
}
