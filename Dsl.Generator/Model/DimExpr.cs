using System;

namespace Dsl.Generator.Model;

/// <summary>
/// One dimension of a static shape: <c>Coeff * Symbol + Offset</c>, or just <c>Offset</c> when the size is
/// known. Symbolic sizes come from <c>Dim.Of("T")</c> inputs; shape rules keep them affine and report where a
/// rule needs a concrete size. (The batch is not a DimExpr: every shape is implicitly batch-first.)
/// </summary>
internal sealed record DimExpr(string? Symbol, int Coeff, int Offset)
{
    public static DimExpr Of(int size) => new(null, 0, size);

    public static DimExpr Sym(string symbol) => new(symbol, 1, 0);

    public bool IsKnown => Symbol is null;

    /// <summary>The size; only meaningful when <see cref="IsKnown"/>.</summary>
    public int Value => Offset;

    public DimExpr Add(int delta) => this with { Offset = Offset + delta };

    /// <summary>The product with a constant, or null when it would overflow.</summary>
    public DimExpr? Times(int factor)
    {
        long coeff = (long)Coeff * factor;
        long offset = (long)Offset * factor;
        if (coeff > int.MaxValue || offset > int.MaxValue || coeff < int.MinValue || offset < int.MinValue)
        {
            return null;
        }

        return IsKnown ? Of((int)offset) : new DimExpr(Symbol, (int)coeff, (int)offset);
    }

    /// <summary>The sum of two dims when it stays affine in at most one symbol, else null.</summary>
    public DimExpr? Plus(DimExpr other)
    {
        if (IsKnown)
        {
            return other.Add(Offset);
        }

        if (other.IsKnown)
        {
            return Add(other.Offset);
        }

        if (!string.Equals(Symbol, other.Symbol, StringComparison.Ordinal))
        {
            return null;
        }

        int coeff = Coeff + other.Coeff;
        return coeff == 0 ? Of(Offset + other.Offset) : new DimExpr(Symbol, coeff, Offset + other.Offset);
    }

    /// <summary>The product of two dims when at least one is known, else null (not affine).</summary>
    public DimExpr? Multiply(DimExpr other) => IsKnown ? other.Times(Offset) : other.IsKnown ? Times(other.Offset) : null;

    public override string ToString()
    {
        if (IsKnown)
        {
            return Offset.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        string term = Coeff == 1 ? Symbol! : Coeff == -1 ? "-" + Symbol : Coeff + "*" + Symbol;
        return Offset switch
        {
            0 => term,
            > 0 => term + " + " + Offset,
            _ => term + " - " + (-(long)Offset),
        };
    }
}
