using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Dsl.Generator.Model;

/// <summary>
/// One dimension of a static shape: an integer expression <c>Offset + Σ Coeff × atom</c> where an atom is a symbol
/// (<c>Dim.Of("T")</c>) or the floor division of an expression by a positive constant (a strided window over a
/// symbolic size: <c>(H - 1) / 2</c>). A known size has no terms. The form is canonical, so two dims are equal
/// exactly when their records are: terms sorted, zero coefficients dropped, nested divisions merged
/// (<c>⌊⌊x / a⌋ / b⌋ = ⌊x / ab⌋</c>), common factors cancelled, and each numerator's constant reduced into
/// [0, divisor) with the whole part moved outside. Shape rules stay linear: a product of two symbolic dims is not a
/// DimExpr (the rule reports that it needs a concrete size). The batch is not a DimExpr: every shape is batch-first.
/// </summary>
internal sealed record DimExpr
{
    private DimExpr(EquatableArray<DimTerm> terms, int offset)
    {
        Terms = terms;
        Offset = offset;
    }

    /// <summary>The symbolic terms, in canonical order; empty for a known size.</summary>
    public EquatableArray<DimTerm> Terms { get; }

    /// <summary>The constant part (the size itself when <see cref="IsKnown"/>).</summary>
    public int Offset { get; }

    public static DimExpr Of(int size) => new(EquatableArray<DimTerm>.Empty, size);

    /// <summary>
    /// The symbol of the batch size where it appears after axis 0 (the columns of a [B, B] similarity of two batches);
    /// reserved: <c>Dim.Of("B")</c> is refused.
    /// </summary>
    public const string BatchSymbol = "B";

    /// <summary>The batch size as a dim of a non-batch axis (see <see cref="BatchSymbol"/>).</summary>
    public static DimExpr BatchSize { get; } = Sym(BatchSymbol);

    /// <summary>True where the size depends on the batch size (<see cref="BatchSize"/>).</summary>
    public bool DependsOnBatch => Terms.Any(t => t.Atom.DependsOnBatch);

    public static DimExpr Sym(string symbol) => new(EquatableArray.Create(new DimTerm(DimAtom.Symbol(symbol), 1)), 0);

    public bool IsKnown => Terms.Count == 0;

    /// <summary>The size; only meaningful when <see cref="IsKnown"/>.</summary>
    public int Value => Offset;

    /// <summary>The first symbol the dim depends on (what a diagnostic names when a rule needs a concrete size), or null.</summary>
    public string? FirstSymbol => Terms.Count == 0 ? null : Terms[0].Atom.FirstSymbol;

    public DimExpr Add(int delta) => new(Terms, Offset + delta);

    /// <summary>The product with a constant, or null when it would overflow.</summary>
    public DimExpr? Times(int factor)
    {
        if (factor == 0)
        {
            return Of(0);
        }

        long offset = (long)Offset * factor;
        var terms = new List<DimTerm>(Terms.Count);
        foreach (var term in Terms)
        {
            long coeff = (long)term.Coeff * factor;
            if (!FitsInt(coeff))
            {
                return null;
            }

            terms.Add(term with { Coeff = (int)coeff });
        }

        return FitsInt(offset) ? new DimExpr(terms.ToEquatableArray(), (int)offset) : null;
    }

    /// <summary>The sum of two dims, or null when a coefficient would overflow.</summary>
    public DimExpr? Plus(DimExpr other) => Combine(this, other, 1);

    /// <summary>The difference of two dims, or null when a coefficient would overflow.</summary>
    public DimExpr? Minus(DimExpr other) => Combine(this, other, -1);

    /// <summary>The product of two dims when at least one is known, else null (not linear).</summary>
    public DimExpr? Multiply(DimExpr other) => IsKnown ? other.Times(Offset) : other.IsKnown ? Times(other.Offset) : null;

    /// <summary>⌊this / <paramref name="divisor"/>⌋ (divisor at least 1), in canonical form; null on overflow.</summary>
    public DimExpr? FloorDiv(int divisor)
    {
        if (divisor < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(divisor), divisor, "A floor division of a size needs a positive divisor.");
        }

        if (divisor == 1)
        {
            return this;
        }

        if (IsKnown)
        {
            return Of(FloorDiv(Offset, divisor));
        }

        // Whole multiples of the divisor leave the floor: ⌊(d·q + r + E) / d⌋ = q + ⌊(r + E) / d⌋.
        int whole = FloorDiv(Offset, divisor);
        int rest = Offset - (whole * divisor);
        if (Terms.All(t => t.Coeff % divisor == 0))
        {
            // ⌊(d·E' + r) / d⌋ = E' + ⌊r / d⌋ = E' (0 <= r < d, E' integer).
            return new DimExpr(Terms.Select(t => t with { Coeff = t.Coeff / divisor }).ToEquatableArray(), whole);
        }

        var numerator = new DimExpr(Terms, rest);

        // ⌊⌊x / a⌋ / b⌋ = ⌊x / ab⌋, and ⌊(⌊x / a⌋ + r) / b⌋ = ⌊(x + ra) / ab⌋.
        if (Terms.Count == 1 && Terms[0].Coeff == 1 && Terms[0].Atom.Numerator is { } inner)
        {
            long merged = (long)Terms[0].Atom.Divisor * divisor;
            long shift = (long)rest * Terms[0].Atom.Divisor;
            if (FitsInt(merged) && FitsInt(shift) && inner.Add((int)shift).FloorDiv((int)merged) is { } collapsed)
            {
                return collapsed.Add(whole);
            }
        }

        // Cancel a common factor of the numerator and the divisor: ⌊g·E / g·d⌋ = ⌊E / d⌋.
        int common = Terms.Aggregate(Gcd(rest, divisor), (g, t) => Gcd(g, t.Coeff));
        if (common > 1)
        {
            numerator = new DimExpr(Terms.Select(t => t with { Coeff = t.Coeff / common }).ToEquatableArray(), rest / common);
            divisor /= common;
        }

        return new DimExpr(EquatableArray.Create(new DimTerm(DimAtom.Floor(numerator, divisor), 1)), whole);
    }

    /// <summary>⌈this / <paramref name="divisor"/>⌉ = ⌊(this + divisor - 1) / divisor⌋.</summary>
    public DimExpr? CeilDiv(int divisor) => Add(divisor - 1).FloorDiv(divisor);

    public override string ToString()
    {
        if (IsKnown)
        {
            return Offset.ToString(CultureInfo.InvariantCulture);
        }

        // A single division with an offset reads better folded into its numerator: (H - 1) / 2 rather than (H + 1) / 2 - 1.
        if (Terms.Count == 1 && Terms[0].Coeff == 1 && Terms[0].Atom.Numerator is { } numerator && Offset != 0 &&
            FitsInt((long)Offset * Terms[0].Atom.Divisor) && numerator.Add(Offset * Terms[0].Atom.Divisor) is var folded)
        {
            return "(" + folded + ") / " + Terms[0].Atom.Divisor.ToString(CultureInfo.InvariantCulture);
        }

        var text = new StringBuilder();
        foreach (var term in Terms)
        {
            string atom = term.Atom.ToString();
            if (term.Atom.Numerator is not null && Math.Abs(term.Coeff) != 1)
            {
                atom = "(" + atom + ")";
            }

            if (text.Length == 0)
            {
                text.Append(term.Coeff switch { 1 => atom, -1 => "-" + atom, _ => term.Coeff.ToString(CultureInfo.InvariantCulture) + "*" + atom });
            }
            else
            {
                int magnitude = Math.Abs(term.Coeff);
                text.Append(term.Coeff < 0 ? " - " : " + ")
                    .Append(magnitude == 1 ? atom : magnitude.ToString(CultureInfo.InvariantCulture) + "*" + atom);
            }
        }

        return Offset switch
        {
            0 => text.ToString(),
            > 0 => text + " + " + Offset.ToString(CultureInfo.InvariantCulture),
            _ => text + " - " + (-(long)Offset).ToString(CultureInfo.InvariantCulture),
        };
    }

    private static DimExpr? Combine(DimExpr left, DimExpr right, int sign)
    {
        long offset = left.Offset + ((long)sign * right.Offset);
        var coefficients = new SortedDictionary<string, (DimAtom Atom, long Coeff)>(StringComparer.Ordinal);
        foreach (var (term, factor) in left.Terms.Select(t => (t, 1)).Concat(right.Terms.Select(t => (t, sign))))
        {
            string key = term.Atom.ToString();
            long coeff = (coefficients.TryGetValue(key, out var existing) ? existing.Coeff : 0) + ((long)factor * term.Coeff);
            coefficients[key] = (term.Atom, coeff);
        }

        if (!FitsInt(offset) || coefficients.Values.Any(c => !FitsInt(c.Coeff)))
        {
            return null;
        }

        var terms = coefficients.Values.Where(c => c.Coeff != 0).Select(c => new DimTerm(c.Atom, (int)c.Coeff)).ToEquatableArray();
        return new DimExpr(terms, (int)offset);
    }

    private static int FloorDiv(int value, int divisor) => (int)Math.Floor((double)value / divisor);

    private static int Gcd(int a, int b)
    {
        a = Math.Abs(a);
        b = Math.Abs(b);
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }

    private static bool FitsInt(long value) => value >= int.MinValue && value <= int.MaxValue;
}

/// <summary>One term of a <see cref="DimExpr"/>: a coefficient times an atom.</summary>
internal sealed record DimTerm(DimAtom Atom, int Coeff);

/// <summary>A symbol, or ⌊<see cref="Numerator"/> / <see cref="Divisor"/>⌋ of a symbolic expression.</summary>
internal sealed record DimAtom(string? Name, DimExpr? Numerator, int Divisor)
{
    public static DimAtom Symbol(string name) => new(name, null, 1);

    public static DimAtom Floor(DimExpr numerator, int divisor) => new(null, numerator, divisor);

    public string? FirstSymbol => Name ?? Numerator?.FirstSymbol;

    public bool DependsOnBatch => Name == DimExpr.BatchSymbol || Numerator?.DependsOnBatch == true;

    public override string ToString()
    {
        if (Name is not null)
        {
            return Name;
        }

        // A plain symbol needs no brackets: H / 4, but (H + 1) / 4.
        bool plain = Numerator!.Offset == 0 && Numerator.Terms.Count == 1 && Numerator.Terms[0] is { Coeff: 1, Atom.Name: not null };
        string numerator = plain ? Numerator.ToString() : "(" + Numerator + ")";
        return numerator + " / " + Divisor.ToString(CultureInfo.InvariantCulture);
    }
}
