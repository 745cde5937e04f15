using System;
using System.IO;
using System.Runtime.CompilerServices;

namespace Dsl.Generator.Tests.Snapshots;

/// <summary>
/// A small snapshot helper: compares text with <c>&lt;name&gt;.verified.&lt;ext&gt;</c> beside the calling test file.
/// On a mismatch (or a missing snapshot) it writes <c>&lt;name&gt;.received.&lt;ext&gt;</c> and fails, showing the first
/// differing line; with the environment variable <c>DSL_ACCEPT_SNAPSHOTS=1</c> it accepts the new text instead.
/// </summary>
public static class Snapshot
{
    public static void Verify(string name, string actual, string extension = "cs", [CallerFilePath] string callerFile = "")
    {
        string dir = Path.Combine(Path.GetDirectoryName(callerFile)!, "verified");
        Directory.CreateDirectory(dir);
        string verified = Path.Combine(dir, $"{name}.verified.{extension}");
        string received = Path.Combine(dir, $"{name}.received.{extension}");
        actual = Normalize(actual);

        string? expected = File.Exists(verified) ? Normalize(File.ReadAllText(verified)) : null;
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }

        if (Environment.GetEnvironmentVariable("DSL_ACCEPT_SNAPSHOTS") == "1")
        {
            File.WriteAllText(verified, actual);
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, actual);
        Assert.Fail(expected is null
            ? $"No snapshot {verified} yet. Review {received} and rename it, or run the tests with DSL_ACCEPT_SNAPSHOTS=1."
            : $"Snapshot {name} differs: {FirstDifference(expected, actual)}. Review {received}; accept with DSL_ACCEPT_SNAPSHOTS=1.");
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n").TrimStart('\uFEFF');

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (int i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            string left = i < e.Length ? e[i] : "<end of file>";
            string right = i < a.Length ? a[i] : "<end of file>";
            if (left != right)
            {
                return $"line {i + 1}: expected «{left}» but got «{right}»";
            }
        }

        return "same lines, different endings";
    }
}
