using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Dsl.Build.NativeCompat;

namespace Dsl.Runtime.Tests.NativeCompat;

/// <summary>The ELF logic build/NativeCompat.targets runs on every build, tested on the real library.</summary>
public class ElfVersionPatchTests
{
    private const string Marker = ElfVersionPatch.GlibcxxMarkerVersion;

    [Fact]
    public void The_package_copy_needs_the_marker_version_strongly()
    {
        byte[] original = File.ReadAllBytes(NativeLibraryFixture.PackageCopy());
        VersionNeed need = Assert.Single(ElfVersionPatch.ReadVersionNeeds(original), n => n.Name == Marker);
        Assert.Equal("libstdc++.so.6", need.File);
        // The build patches only its output copies: the NuGet cache copy stays as shipped.
        Assert.False(need.IsWeak);
    }

    [Fact]
    public void Patching_a_copy_sets_only_the_weak_flag_and_a_second_run_changes_nothing()
    {
        using var temp = new TempDirectory();
        string path = temp.File(NativeLibraryFixture.FileName);
        File.Copy(NativeLibraryFixture.PackageCopy(), path);
        byte[] before = File.ReadAllBytes(path);
        DateTime lastWrite = File.GetLastWriteTimeUtc(path);
        IReadOnlyList<VersionNeed> needsBefore = ElfVersionPatch.ReadVersionNeeds(before);

        Assert.Equal(PatchOutcome.Patched, ElfVersionPatch.MarkVersionNeedWeak(path, Marker));

        byte[] after = File.ReadAllBytes(path);
        IReadOnlyList<VersionNeed> needsAfter = ElfVersionPatch.ReadVersionNeeds(after);
        VersionNeed marker = Assert.Single(needsAfter, n => n.Name == Marker);
        Assert.True(marker.IsWeak);
        Assert.Equal(needsBefore.Single(n => n.Name == Marker).Flags | ElfVersionPatch.VerFlgWeak, marker.Flags);

        // Every other requirement keeps its flags; exactly one byte of the file changed, the flags' low byte.
        Assert.Equal(needsBefore.Count, needsAfter.Count);
        foreach (var (b, a) in needsBefore.Zip(needsAfter))
        {
            Assert.Equal((b.File, b.Name), (a.File, a.Name));
            if (a.Name != Marker)
            {
                Assert.Equal(b.Flags, a.Flags);
            }
        }

        Assert.Equal(before.Length, after.Length);
        int[] changed = Enumerable.Range(0, before.Length).Where(i => before[i] != after[i]).ToArray();
        Assert.Equal(new[] { (int)marker.FlagsOffset }, changed);

        // The last write time is kept, so MSBuild's copy-if-changed check does not re-copy the pristine file.
        Assert.Equal(lastWrite, File.GetLastWriteTimeUtc(path));

        Assert.Equal(PatchOutcome.AlreadyWeak, ElfVersionPatch.MarkVersionNeedWeak(path, Marker));
        Assert.Equal(after, File.ReadAllBytes(path));
        Assert.Equal(new[] { path }, Directory.GetFiles(temp.Path)); // no temp file left behind
    }

    [Fact]
    public void A_version_the_file_does_not_need_leaves_it_untouched()
    {
        using var temp = new TempDirectory();
        string path = temp.File(NativeLibraryFixture.FileName);
        File.Copy(NativeLibraryFixture.PackageCopy(), path);
        byte[] before = File.ReadAllBytes(path);

        Assert.Equal(PatchOutcome.VersionNotNeeded, ElfVersionPatch.MarkVersionNeedWeak(path, "GLIBCXX_9.9.99"));
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(4096)]
    [InlineData(-1)] // half the file
    [InlineData(-2)] // all but the last byte
    public void A_truncated_file_gives_a_clear_error_and_is_left_as_it_was(int length)
    {
        byte[] original = File.ReadAllBytes(NativeLibraryFixture.PackageCopy());
        int keep = length switch
        {
            -1 => original.Length / 2,
            -2 => original.Length - 1,
            _ => length,
        };
        using var temp = new TempDirectory();
        string path = temp.File("truncated.so");
        File.WriteAllBytes(path, original.AsSpan(0, keep).ToArray());

        var error = Assert.Throws<InvalidDataException>(() => ElfVersionPatch.MarkVersionNeedWeak(path, Marker));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Equal(keep, new FileInfo(path).Length);
        Assert.Equal(original.AsSpan(0, keep).ToArray(), File.ReadAllBytes(path));
        Assert.Single(Directory.GetFiles(temp.Path));
    }

    [Fact]
    public void A_file_that_is_not_ELF_gives_a_clear_error()
    {
        using var temp = new TempDirectory();
        string path = temp.File("not-elf.so");
        File.WriteAllText(path, "this is a text file, long enough to pass for an ELF header if nobody checked the magic bytes at all.");

        var error = Assert.Throws<InvalidDataException>(() => ElfVersionPatch.MarkVersionNeedWeak(path, Marker));
        Assert.Contains("not an ELF file", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(4, 1, "ELFCLASS64")]
    [InlineData(5, 2, "little-endian")]
    public void ELF_files_of_another_class_or_byte_order_are_refused(int index, byte value, string expected)
    {
        byte[] bytes = File.ReadAllBytes(NativeLibraryFixture.PackageCopy());
        bytes[index] = value;

        var error = Assert.Throws<InvalidDataException>(() => ElfVersionPatch.MarkVersionNeedWeak(bytes, Marker));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Corrupted_headers_give_InvalidDataException_never_another_exception()
    {
        byte[] bytes = File.ReadAllBytes(NativeLibraryFixture.PackageCopy());
        VersionNeed marker = ElfVersionPatch.ReadVersionNeeds(bytes).Single(n => n.Name == Marker);
        // Corrupt the ELF header, the section header table (at e_shoff) and the version needs around the marker.
        long shoff = BitConverter.ToInt64(bytes, 0x28);
        var regions = new (long Start, int Length)[]
        {
            (0x18, 0x28),
            (shoff, (int)Math.Min(bytes.Length - shoff, 64 * 40)),
            (marker.FlagsOffset - 0x140, 0x200),
        };
        var random = new Random(20240607);
        for (int round = 0; round < 5000; round++)
        {
            var (start, length) = regions[round % regions.Length];
            long at = start + random.Next(length);
            byte saved = bytes[at];
            bytes[at] = (byte)random.Next(256);
            try
            {
                ElfVersionPatch.ReadVersionNeeds(bytes);
            }
            catch (InvalidDataException)
            {
                // The expected, clear failure.
            }
            catch (Exception e)
            {
                Assert.Fail($"byte {at} set to {bytes[at]}: {e.GetType().Name}: {e.Message}");
            }
            finally
            {
                bytes[at] = saved;
            }
        }
    }

    [Fact]
    public void The_host_libstdcxx_is_found_and_its_version_definitions_are_read()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // The host check only matters (and only runs in the build) on Linux.
        }

        string? host = ElfVersionPatch.FindHostLibrary("libstdc++.so.6");
        Assert.NotNull(host);
        IReadOnlyList<string> defined = ElfVersionPatch.ReadVersionDefinitions(File.ReadAllBytes(host!), host!);
        Assert.Contains("GLIBCXX_3.4", defined);
        Assert.Equal(defined.Contains(Marker), ElfVersionPatch.LibraryDefinesVersion(host!, Marker));
    }

    [Fact]
    public void The_build_marked_the_output_copy_weak_exactly_when_the_host_lacks_the_version()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // The build step runs on Linux hosts only.
        }

        string? host = ElfVersionPatch.FindHostLibrary("libstdc++.so.6");
        bool hostHasVersion = host != null && ElfVersionPatch.LibraryDefinesVersion(host, Marker);
        VersionNeed need = ElfVersionPatch.ReadVersionNeeds(File.ReadAllBytes(NativeLibraryFixture.OutputCopy()))
            .Single(n => n.Name == Marker);
        Assert.Equal(!hostHasVersion, need.IsWeak);
    }
}
