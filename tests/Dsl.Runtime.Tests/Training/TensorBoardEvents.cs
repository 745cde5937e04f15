using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Dsl.Runtime.Tests.Training;

/// <summary>Reads TensorBoard event files back: TFRecord framing (length, masked CRCs) around <c>Tensorboard.Event</c> protobufs.</summary>
internal static class TensorBoardEvents
{
    /// <summary>Every scalar of every event file under <paramref name="directory"/>: (tag, step, value), in file order.</summary>
    public static List<(string Tag, long Step, float Value)> Scalars(string directory) =>
        ScalarsByRun(directory).Select(s => (s.Tag, s.Step, s.Value)).ToList();

    /// <summary>
    /// Every scalar of every event file under <paramref name="directory"/> with its run: the folder of its event file
    /// relative to <paramref name="directory"/> (<c>train</c>, <c>validation</c>; <c>.</c> for files directly in it).
    /// </summary>
    public static List<(string Run, string Tag, long Step, float Value)> ScalarsByRun(string directory)
    {
        var scalars = new List<(string, string, long, float)>();
        foreach (string file in Directory.GetFiles(directory, "events.out.tfevents.*", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
        {
            using var reader = new BinaryReader(File.OpenRead(file));
            while (reader.BaseStream.Position < reader.BaseStream.Length)
            {
                long length = reader.ReadInt64();
                reader.ReadUInt32();
                byte[] data = reader.ReadBytes(checked((int)length));
                Assert.Equal(length, data.Length);
                reader.ReadUInt32();
                var e = Tensorboard.Event.Parser.ParseFrom(data);
                if (e.Summary is null)
                {
                    continue;
                }

                foreach (var value in e.Summary.Value)
                {
                    scalars.Add((Path.GetRelativePath(directory, Path.GetDirectoryName(file)!), value.Tag, e.Step, value.SimpleValue));
                }
            }
        }

        return scalars;
    }
}
