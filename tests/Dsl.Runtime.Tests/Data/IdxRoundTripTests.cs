using System.IO;
using Dsl.Data;
using Dsl.Runtime.Tests.NativeCompat;

namespace Dsl.Runtime.Tests.Data;

public class IdxRoundTripTests
{
    public static TheoryData<IdxDataType, bool> TypesAndCompression()
    {
        var data = new TheoryData<IdxDataType, bool>();
        foreach (IdxDataType type in System.Enum.GetValues<IdxDataType>())
        {
            data.Add(type, true);
            data.Add(type, false);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TypesAndCompression))]
    public void Written_arrays_read_back_with_the_same_type_dims_and_values(IdxDataType type, bool gzip)
    {
        using var temp = new TempDirectory();
        double[] values = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 127];
        if (type is not IdxDataType.UnsignedByte)
        {
            values[1] = -1;
        }

        if (type is IdxDataType.Single or IdxDataType.Double)
        {
            values[2] = 0.5;
        }

        IdxArray written = IdxArray.FromValues(type, [2, 3, 2], values);
        string path = temp.File(gzip ? "a.idx.gz" : "a.idx");

        IdxWriter.Write(path, written, gzip);
        IdxArray read = IdxReader.Read(path);

        Assert.Equal(gzip, IsGzipFile(path));
        Assert.Equal(type, read.DataType);
        Assert.Equal([2, 3, 2], read.Dims);
        Assert.Equal(12, read.ElementCount);
        Assert.Equal(written.Data.ToArray(), read.Data.ToArray());
        for (int i = 0; i < values.Length; i++)
        {
            Assert.Equal(values[i], read.GetValue(i));
        }

        Assert.Equal(path, read.Source);
    }

    [Fact]
    public void Multi_byte_elements_are_big_endian_in_the_file()
    {
        using var temp = new TempDirectory();
        string path = temp.File("ints.idx");

        IdxWriter.Write(path, IdxArray.FromValues(IdxDataType.Int32, [1], [0x01020304]), gzip: false);

        Assert.Equal(new byte[] { 0, 0, 0x0C, 1, 0, 0, 0, 1, 1, 2, 3, 4 }, File.ReadAllBytes(path));
    }

    [Fact]
    public void Unsigned_byte_images_write_the_mnist_header()
    {
        using var temp = new TempDirectory();
        string path = temp.File("images.idx");

        IdxWriter.Write(path, [2, 28, 28], new byte[2 * 28 * 28], gzip: false);

        byte[] file = File.ReadAllBytes(path);
        Assert.Equal(16 + 2 * 28 * 28, file.Length);
        Assert.Equal(new byte[] { 0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 28, 0, 0, 0, 28 }, file[..16]);
    }

    [Fact]
    public void Images_become_float_tensors_scaled_to_one_and_labels_int64()
    {
        var images = new IdxArray([2, 2, 2], [0, 51, 255, 102, 1, 2, 3, 4]);
        var labels = new IdxArray([2], [7, 3]);

        using var x = IdxTensors.ToImages(images);
        using var y = IdxTensors.ToLabels(labels);

        Assert.Equal(new long[] { 2, 1, 2, 2 }, x.shape);
        Assert.Equal(TorchSharp.torch.ScalarType.Float32, x.dtype);
        Assert.Equal([0f, 0.2f, 1f, 0.4f], x[0].flatten().data<float>().ToArray());
        Assert.Equal(TorchSharp.torch.ScalarType.Int64, y.dtype);
        Assert.Equal([7L, 3L], y.data<long>().ToArray());
    }

    [Fact]
    public void Tensor_helpers_reject_arrays_of_the_wrong_shape_or_type()
    {
        var labels = new IdxArray([4], [1, 2, 3, 4], source: "labels.idx");
        var floats = IdxArray.FromValues(IdxDataType.Single, [4], [1, 2, 3, 4]);

        var images = Assert.Throws<System.ArgumentException>(() => IdxTensors.ToImages(labels));
        Assert.Contains("labels.idx: expected images [count, rows, columns]", images.Message);
        Assert.Contains("found 4 of unsigned byte (0x08)", images.Message);
        var notBytes = Assert.Throws<System.ArgumentException>(() => IdxTensors.ToLabels(floats));
        Assert.Contains("found 4 of 32-bit float (0x0D)", notBytes.Message);
    }

    private static bool IsGzipFile(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        return bytes.Length >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B;
    }
}
