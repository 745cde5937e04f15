using System;
using System.Collections.Generic;
using System.Linq;
using SkiaSharp;
using TorchSharp;

namespace Examples.Cli;

/// <summary>
/// PNG pictures, rendered in memory (the app writes them after printing the results): the loss curve (ScottPlot)
/// and grids of grey images (SkiaSharp).
/// </summary>
public static class Pictures
{
    /// <summary>Plots every phase's per-batch loss against the epoch; returns the PNG bytes.</summary>
    public static byte[] LossCurve(string title, IReadOnlyList<LossSeries> series)
    {
        var plot = new ScottPlot.Plot();
        foreach (LossSeries phase in series.Where(s => s.Values.Count > 0))
        {
            var line = plot.Add.Scatter(phase.Epochs.ToArray(), phase.Values.ToArray());
            line.LegendText = phase.Phase;
            line.MarkerSize = 0;
            line.LineWidth = 1.5f;
        }

        plot.Title(title);
        plot.XLabel("epoch");
        plot.YLabel("training loss (per batch)");
        plot.ShowLegend();
        return plot.GetImageBytes(900, 500, ScottPlot.ImageFormat.Png);
    }

    /// <summary>
    /// Renders a grid of grey images as PNG bytes: one row per tensor of <paramref name="rows"/> (each <c>[N, 1, H, W]</c> or
    /// <c>[N, H, W]</c>, values 0..1, clipped), the first <paramref name="columns"/> images of each, scaled up
    /// <paramref name="scale"/> times with nearest-neighbour pixels and separated by a 2-pixel gap.
    /// </summary>
    public static byte[] ImageGrid(IReadOnlyList<torch.Tensor> rows, int columns = 10, int scale = 3)
    {
        ArgumentOutOfRangeException.ThrowIfZero(rows.Count);
        var images = rows.Select(r => ToPixels(r, columns)).ToList();
        int height = images[0][0].GetLength(0), width = images[0][0].GetLength(1);
        const int Gap = 2;
        int cellWidth = width * scale + Gap, cellHeight = height * scale + Gap;
        int shown = images.Max(r => r.Count);

        using var bitmap = new SKBitmap(shown * cellWidth + Gap, rows.Count * cellHeight + Gap, SKColorType.Rgba8888, SKAlphaType.Opaque);
        bitmap.Erase(new SKColor(96, 96, 96));
        for (int row = 0; row < images.Count; row++)
        {
            for (int column = 0; column < images[row].Count; column++)
            {
                float[,] image = images[row][column];
                for (int y = 0; y < height * scale; y++)
                {
                    for (int x = 0; x < width * scale; x++)
                    {
                        byte grey = (byte)Math.Round(Math.Clamp(image[y / scale, x / scale], 0f, 1f) * 255);
                        bitmap.SetPixel(Gap + column * cellWidth + x, Gap + row * cellHeight + y, new SKColor(grey, grey, grey));
                    }
                }
            }
        }

        using var png = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    private static List<float[,]> ToPixels(torch.Tensor images, int count)
    {
        using var cpu = images.detach().cpu().to(torch.float32);
        long n = Math.Min(count, cpu.shape[0]);
        long height = cpu.shape[^2], width = cpu.shape[^1];
        using var flat = cpu.narrow(0, 0, n).reshape(n, height * width).contiguous();
        float[] data = flat.data<float>().ToArray();
        var result = new List<float[,]>();
        for (int i = 0; i < n; i++)
        {
            var pixels = new float[height, width];
            for (int y = 0; y < height; y++)
            {
                for (int x = 0; x < width; x++)
                {
                    pixels[y, x] = data[(i * height * width) + (y * width) + x];
                }
            }

            result.Add(pixels);
        }

        return result;
    }
}
