using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Dsl.Runtime.Tests.Training;

/// <summary>Reads TensorBoard event files back: TFRecord framing (length, masked CRCs) around <c>Tensorboard.Event</c> protobufs.</summary>
internal static class TensorBoardEvents
{
    /// <summary>Every scalar of every event file under <paramref name="directory"/>: (tag, step, value), in file order.</summary>
    public static List<(string Tag, long Step, float Value)> Scalars(string directory)
    {
        var scalars = new List<(string, long, float)>();
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
                    scalars.Add((value.Tag, e.Step, value.SimpleValue));
                }
            }
        }

        return scalars;
    }
}
