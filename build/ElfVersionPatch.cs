// Native compatibility: TorchSharp 0.107's libLibTorchSharp.so asks for
// GLIBCXX_3.4.32 for one marker symbol (std::ios_base_library_init) that it never calls, so it
// fails to load on hosts whose libstdc++ is older (Debian 12, Ubuntu 22.04). Marking that one
// version requirement weak (VER_FLG_WEAK in its Vernaux entry) lets the loader accept the host.
//
// This one file serves two builds:
//  - build/NativeCompat.targets compiles it with RoslynCodeTaskFactory (netstandard2.0 reference
//    assemblies, Microsoft.Build.* referenced); that build includes the MSBuild task class below.
//  - tests/Dsl.Runtime.Tests compiles it in with ELF_VERSION_PATCH_NO_TASK defined, so the tests
//    exercise the same ELF logic without referencing MSBuild.
// Keep it netstandard2.0-clean (no Span, no BinaryPrimitives, no File.Move overwrite overload).
#nullable enable

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;

namespace Dsl.Build.NativeCompat
{
    /// <summary>What <see cref="ElfVersionPatch.MarkVersionNeedWeak(string, string)"/> did.</summary>
    public enum PatchOutcome
    {
        /// <summary>The requirement was strong and is now weak; the file was rewritten.</summary>
        Patched,

        /// <summary>The requirement was already weak; the file was not touched.</summary>
        AlreadyWeak,

        /// <summary>The file does not ask for that version at all; the file was not touched.</summary>
        VersionNotNeeded,
    }

    /// <summary>One Vernaux entry of an ELF file's <c>.gnu.version_r</c> section.</summary>
    public sealed class VersionNeed
    {
        public VersionNeed(string file, string name, ushort flags, long flagsOffset)
        {
            File = file;
            Name = name;
            Flags = flags;
            FlagsOffset = flagsOffset;
        }

        /// <summary>The needed library (Verneed <c>vn_file</c>), e.g. <c>libstdc++.so.6</c>.</summary>
        public string File { get; }

        /// <summary>The needed version (Vernaux <c>vna_name</c>), e.g. <c>GLIBCXX_3.4.32</c>.</summary>
        public string Name { get; }

        /// <summary><c>vna_flags</c>.</summary>
        public ushort Flags { get; }

        /// <summary>File offset of the 16-bit <c>vna_flags</c> field.</summary>
        public long FlagsOffset { get; }

        public bool IsWeak => (Flags & ElfVersionPatch.VerFlgWeak) != 0;
    }

    /// <summary>Reads ELF64 little-endian symbol versioning sections and marks a needed version weak.</summary>
    public static class ElfVersionPatch
    {
        /// <summary>The version requirement TorchSharp 0.107's libLibTorchSharp.so does not really need.</summary>
        public const string GlibcxxMarkerVersion = "GLIBCXX_3.4.32";

        /// <summary><c>VER_FLG_WEAK</c> from elf.h.</summary>
        public const ushort VerFlgWeak = 0x2;

        private const uint ShtGnuVerdef = 0x6ffffffd;
        private const uint ShtGnuVerneed = 0x6ffffffe;
        private const uint ShtStrtab = 3;
        private const int Elf64HeaderSize = 64;
        private const int Elf64SectionHeaderSize = 64;
        private const int VerneedSize = 16;
        private const int VernauxSize = 16;
        private const int VerdefSize = 20;
        private const int VerdauxSize = 8;
        private const int ShnXindex = 0xffff;

        /// <summary>Every Vernaux entry of the file's <c>.gnu.version_r</c> (empty when it has none).</summary>
        /// <exception cref="InvalidDataException">The bytes are not a well-formed ELF64 little-endian file.</exception>
        public static IReadOnlyList<VersionNeed> ReadVersionNeeds(byte[] elf, string description = "input")
        {
            var reader = new ElfReader(elf, description);
            var result = new List<VersionNeed>();
            Section? verneed = reader.FindSection(".gnu.version_r");
            if (verneed == null)
            {
                return result;
            }

            Section s = verneed.Value;
            if (s.Type != ShtGnuVerneed)
            {
                throw reader.Bad($"section .gnu.version_r has type 0x{s.Type:x}, expected SHT_GNU_verneed");
            }

            reader.Require(s.Offset, s.Size, elf.Length, ".gnu.version_r");
            Section strtab = reader.LinkedStringTable(s);
            long end = s.Offset + s.Size;
            long entry = s.Offset;
            // sh_info holds the number of Verneed entries; each chain is also bounded by the section.
            for (uint i = 0; i < s.Info; i++)
            {
                reader.Require(entry, VerneedSize, end, "Verneed entry");
                ushort count = reader.U16(entry + 2);
                string file = reader.String(strtab, reader.U32(entry + 4));
                long aux = entry + reader.U32(entry + 8);
                for (int j = 0; j < count; j++)
                {
                    reader.Require(aux, VernauxSize, end, "Vernaux entry");
                    ushort flags = reader.U16(aux + 4);
                    string name = reader.String(strtab, reader.U32(aux + 8));
                    result.Add(new VersionNeed(file, name, flags, aux + 4));
                    uint nextAux = reader.U32(aux + 12);
                    if (nextAux == 0)
                    {
                        if (j != count - 1)
                        {
                            throw reader.Bad($"Verneed for {file} declares {count} Vernaux entries but its chain ends after {j + 1}");
                        }

                        break;
                    }

                    aux += nextAux;
                }

                uint next = reader.U32(entry + 12);
                if (next == 0)
                {
                    break;
                }

                entry += next;
            }

            return result;
        }

        /// <summary>The version names a library defines in <c>.gnu.version_d</c> (empty when it has none).</summary>
        /// <exception cref="InvalidDataException">The bytes are not a well-formed ELF64 little-endian file.</exception>
        public static IReadOnlyList<string> ReadVersionDefinitions(byte[] elf, string description = "input")
        {
            var reader = new ElfReader(elf, description);
            var result = new List<string>();
            Section? verdef = reader.FindSection(".gnu.version_d");
            if (verdef == null)
            {
                return result;
            }

            Section s = verdef.Value;
            if (s.Type != ShtGnuVerdef)
            {
                throw reader.Bad($"section .gnu.version_d has type 0x{s.Type:x}, expected SHT_GNU_verdef");
            }

            reader.Require(s.Offset, s.Size, elf.Length, ".gnu.version_d");
            Section strtab = reader.LinkedStringTable(s);
            long end = s.Offset + s.Size;
            long entry = s.Offset;
            for (uint i = 0; i < s.Info; i++)
            {
                reader.Require(entry, VerdefSize, end, "Verdef entry");
                ushort count = reader.U16(entry + 6);
                if (count > 0)
                {
                    // The first Verdaux names the version itself; the rest name its parents.
                    long aux = entry + reader.U32(entry + 12);
                    reader.Require(aux, VerdauxSize, end, "Verdaux entry");
                    result.Add(reader.String(strtab, reader.U32(aux)));
                }

                uint next = reader.U32(entry + 16);
                if (next == 0)
                {
                    break;
                }

                entry += next;
            }

            return result;
        }

        /// <summary>
        /// Sets <c>VER_FLG_WEAK</c> on every Vernaux entry named <paramref name="versionName"/>, in memory.
        /// </summary>
        public static PatchOutcome MarkVersionNeedWeak(byte[] elf, string versionName, string description = "input")
        {
            bool found = false;
            bool changed = false;
            foreach (VersionNeed need in ReadVersionNeeds(elf, description))
            {
                if (!string.Equals(need.Name, versionName, StringComparison.Ordinal))
                {
                    continue;
                }

                found = true;
                if (!need.IsWeak)
                {
                    ushort flags = (ushort)(need.Flags | VerFlgWeak);
                    elf[need.FlagsOffset] = (byte)(flags & 0xff);
                    elf[need.FlagsOffset + 1] = (byte)(flags >> 8);
                    changed = true;
                }
            }

            return !found ? PatchOutcome.VersionNotNeeded : changed ? PatchOutcome.Patched : PatchOutcome.AlreadyWeak;
        }

        /// <summary>
        /// Marks the requirement <paramref name="versionName"/> weak in the file at <paramref name="path"/>.
        /// The file is only rewritten when something changes, then through a temp file in the same folder
        /// and an atomic rename (so a hard link into the NuGet cache is replaced, never written through);
        /// its permissions and last write time are kept, so MSBuild's copy-if-changed check stays quiet.
        /// </summary>
        /// <exception cref="InvalidDataException">The file is not a well-formed ELF64 little-endian file.</exception>
        public static PatchOutcome MarkVersionNeedWeak(string path, string versionName)
        {
            byte[] bytes = File.ReadAllBytes(path);
            PatchOutcome outcome = MarkVersionNeedWeak(bytes, versionName, path);
            if (outcome != PatchOutcome.Patched)
            {
                return outcome;
            }

            DateTime lastWrite = File.GetLastWriteTimeUtc(path);
            string temp = path + ".weak-" + Guid.NewGuid().ToString("N") + ".tmp";
            try
            {
                // Copying first carries the permissions over; then write the patched bytes into it.
                File.Copy(path, temp, overwrite: false);
                using (var stream = new FileStream(temp, FileMode.Open, FileAccess.Write, FileShare.None))
                {
                    stream.SetLength(0);
                    stream.Write(bytes, 0, bytes.Length);
                    stream.Flush(flushToDisk: true);
                }

                File.SetLastWriteTimeUtc(temp, lastWrite);
                File.Replace(temp, path, destinationBackupFileName: null);
            }
            finally
            {
                if (File.Exists(temp))
                {
                    File.Delete(temp);
                }
            }

            return outcome;
        }

        /// <summary>
        /// Whether the library at <paramref name="path"/> defines <paramref name="versionName"/>
        /// (parsed from <c>.gnu.version_d</c>; falls back to a search for the NUL-terminated name).
        /// </summary>
        public static bool LibraryDefinesVersion(string path, string versionName)
        {
            byte[] bytes = File.ReadAllBytes(path);
            try
            {
                foreach (string defined in ReadVersionDefinitions(bytes, path))
                {
                    if (string.Equals(defined, versionName, StringComparison.Ordinal))
                    {
                        return true;
                    }
                }

                return false;
            }
            catch (InvalidDataException)
            {
                return IndexOf(bytes, Encoding.ASCII.GetBytes(versionName + "\0")) >= 0;
            }
        }

        /// <summary>
        /// Finds the host's copy of a shared library (e.g. <c>libstdc++.so.6</c>) without the loader:
        /// probes the usual library folders, then asks <c>ldconfig -p</c>. Null when none is found.
        /// </summary>
        public static string? FindHostLibrary(string soname)
        {
            var folders = new List<string>();
            string? triplet = MultiarchTriplet();
            if (triplet != null)
            {
                folders.Add("/usr/lib/" + triplet);
                folders.Add("/lib/" + triplet);
            }

            folders.AddRange(new[] { "/usr/lib64", "/lib64", "/usr/lib", "/lib" });
            foreach (string folder in folders)
            {
                string candidate = Path.Combine(folder, soname);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            return FindWithLdconfig(soname);
        }

        private static string? MultiarchTriplet()
        {
            switch (RuntimeInformation.OSArchitecture)
            {
                case Architecture.X64: return "x86_64-linux-gnu";
                case Architecture.Arm64: return "aarch64-linux-gnu";
                default: return null;
            }
        }

        private static string? FindWithLdconfig(string soname)
        {
            foreach (string ldconfig in new[] { "/sbin/ldconfig", "/usr/sbin/ldconfig", "ldconfig" })
            {
                try
                {
                    var info = new ProcessStartInfo(ldconfig, "-p")
                    {
                        RedirectStandardOutput = true,
                        RedirectStandardError = true,
                        UseShellExecute = false,
                    };
                    using (Process? process = Process.Start(info))
                    {
                        if (process == null)
                        {
                            continue;
                        }

                        string output = process.StandardOutput.ReadToEnd();
                        process.WaitForExit();
                        // Lines look like: "\tlibstdc++.so.6 (libc6,x86-64) => /lib/x86_64-linux-gnu/libstdc++.so.6"
                        foreach (string line in output.Split('\n'))
                        {
                            string trimmed = line.Trim();
                            int arrow = trimmed.IndexOf(" => ", StringComparison.Ordinal);
                            if (arrow > 0 && trimmed.StartsWith(soname + " ", StringComparison.Ordinal))
                            {
                                string candidate = trimmed.Substring(arrow + 4).Trim();
                                if (File.Exists(candidate))
                                {
                                    return candidate;
                                }
                            }
                        }
                    }
                }
                catch (System.ComponentModel.Win32Exception)
                {
                    // That ldconfig does not exist here; try the next.
                }
            }

            return null;
        }

        private static int IndexOf(byte[] haystack, byte[] needle)
        {
            for (int i = 0; i + needle.Length <= haystack.Length; i++)
            {
                int k = 0;
                while (k < needle.Length && haystack[i + k] == needle[k])
                {
                    k++;
                }

                if (k == needle.Length)
                {
                    return i;
                }
            }

            return -1;
        }

        private struct Section
        {
            public uint Name;
            public uint Type;
            public long Offset;
            public long Size;
            public uint Link;
            public uint Info;
        }

        /// <summary>Bounds-checked reads over an ELF64 little-endian image.</summary>
        private sealed class ElfReader
        {
            private readonly byte[] _b;
            private readonly string _description;
            private readonly Section[] _sections;
            private readonly Section _shstrtab;

            public ElfReader(byte[] bytes, string description)
            {
                _b = bytes ?? throw new ArgumentNullException(nameof(bytes));
                _description = description;
                if (_b.Length < Elf64HeaderSize || _b[0] != 0x7f || _b[1] != (byte)'E' || _b[2] != (byte)'L' || _b[3] != (byte)'F')
                {
                    throw Bad("not an ELF file (no \\x7fELF header)");
                }

                if (_b[4] != 2)
                {
                    throw Bad($"ELF class {_b[4]} is not ELFCLASS64");
                }

                if (_b[5] != 1)
                {
                    throw Bad($"ELF data encoding {_b[5]} is not little-endian");
                }

                long shoff = Clamp(U64(0x28));
                ushort shentsize = U16(0x3A);
                long shnum = U16(0x3C);
                int shstrndx = U16(0x3E);
                if (shoff == 0)
                {
                    throw Bad("no section header table");
                }

                if (shentsize != Elf64SectionHeaderSize)
                {
                    throw Bad($"section header size {shentsize}, expected {Elf64SectionHeaderSize}");
                }

                Require(shoff, Elf64SectionHeaderSize, _b.Length, "section header 0");
                if (shnum == 0)
                {
                    // More than 0xff00 sections: the real count lives in section 0's sh_size.
                    shnum = Clamp(U64(shoff + 32));
                }

                if (shstrndx == ShnXindex)
                {
                    uint extended = U32(shoff + 40);
                    shstrndx = extended > int.MaxValue ? -1 : (int)extended;
                }

                if (shnum > _b.Length / Elf64SectionHeaderSize)
                {
                    throw Bad($"{shnum} section headers cannot fit in {_b.Length} bytes (file truncated?)");
                }

                Require(shoff, shnum * Elf64SectionHeaderSize, _b.Length, "section header table");
                _sections = new Section[shnum];
                for (long i = 0; i < shnum; i++)
                {
                    long h = shoff + i * Elf64SectionHeaderSize;
                    _sections[i] = new Section
                    {
                        Name = U32(h),
                        Type = U32(h + 4),
                        Offset = Clamp(U64(h + 24)),
                        Size = Clamp(U64(h + 32)),
                        Link = U32(h + 40),
                        Info = U32(h + 44),
                    };
                }

                if (shstrndx <= 0 || shstrndx >= shnum)
                {
                    throw Bad($"section name table index {shstrndx} is out of range (0..{shnum - 1})");
                }

                _shstrtab = _sections[shstrndx];
                CheckStringTable(_shstrtab, ".shstrtab");
            }

            public Section? FindSection(string name)
            {
                foreach (Section s in _sections)
                {
                    if (s.Type != 0 && string.Equals(String(_shstrtab, s.Name), name, StringComparison.Ordinal))
                    {
                        return s;
                    }
                }

                return null;
            }

            public Section LinkedStringTable(Section s)
            {
                if (s.Link == 0 || s.Link >= _sections.Length)
                {
                    throw Bad($"sh_link {s.Link} does not name a section");
                }

                Section strtab = _sections[s.Link];
                CheckStringTable(strtab, "linked string table");
                return strtab;
            }

            public string String(Section strtab, uint offset)
            {
                if (offset >= strtab.Size)
                {
                    throw Bad($"string offset {offset} is past its string table (size {strtab.Size})");
                }

                long start = strtab.Offset + offset;
                long end = strtab.Offset + strtab.Size;
                long zero = start;
                while (zero < end && _b[zero] != 0)
                {
                    zero++;
                }

                if (zero == end)
                {
                    throw Bad($"string at offset {offset} is not NUL-terminated");
                }

                return Encoding.ASCII.GetString(_b, checked((int)start), checked((int)(zero - start)));
            }

            public void Require(long offset, long length, long limit, string what)
            {
                if (offset < 0 || length < 0 || offset > limit - length || limit > _b.Length)
                {
                    throw Bad($"{what} at offset {offset} (length {length}) runs past the end of its data ({Math.Min(limit, _b.Length)} bytes; file truncated?)");
                }
            }

            // Offsets and sizes are validated where they are used (.bss may be larger than the file).
            public static long Clamp(ulong value)
            {
                return value > long.MaxValue ? long.MaxValue : (long)value;
            }

            public ushort U16(long offset)
            {
                Require(offset, 2, _b.Length, "field");
                return (ushort)(_b[offset] | (_b[offset + 1] << 8));
            }

            public uint U32(long offset)
            {
                Require(offset, 4, _b.Length, "field");
                return (uint)(_b[offset] | (_b[offset + 1] << 8) | (_b[offset + 2] << 16)) | ((uint)_b[offset + 3] << 24);
            }

            public ulong U64(long offset)
            {
                return U32(offset) | ((ulong)U32(offset + 4) << 32);
            }

            public InvalidDataException Bad(string message)
            {
                return new InvalidDataException($"{_description}: {message}");
            }

            private void CheckStringTable(Section s, string what)
            {
                if (s.Type != ShtStrtab)
                {
                    throw Bad($"{what} has type 0x{s.Type:x}, expected SHT_STRTAB");
                }

                Require(s.Offset, s.Size, _b.Length, what);
            }
        }
    }

#if !ELF_VERSION_PATCH_NO_TASK
    /// <summary>
    /// MSBuild task: marks <see cref="VersionName"/> weak in each of <see cref="Files"/> when the host's
    /// <see cref="HostLibrary"/> lacks that version. Logs one line per file saying what it did.
    /// </summary>
    public sealed class MarkNativeVersionNeedWeak : Microsoft.Build.Utilities.Task
    {
        [Microsoft.Build.Framework.Required]
        public Microsoft.Build.Framework.ITaskItem[] Files { get; set; } = new Microsoft.Build.Framework.ITaskItem[0];

        public string VersionName { get; set; } = ElfVersionPatch.GlibcxxMarkerVersion;

        public string HostLibrary { get; set; } = "libstdc++.so.6";

        public override bool Execute()
        {
            if (Files.Length == 0)
            {
                return true;
            }

            if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
            {
                Log.LogMessage(Microsoft.Build.Framework.MessageImportance.Normal, $"NativeCompat: not a Linux host; {Files.Length} native file(s) left as they are.");
                return true;
            }

            string? host = ElfVersionPatch.FindHostLibrary(HostLibrary);
            bool hostHasVersion;
            try
            {
                hostHasVersion = host != null && ElfVersionPatch.LibraryDefinesVersion(host, VersionName);
            }
            catch (IOException e)
            {
                Log.LogMessage(Microsoft.Build.Framework.MessageImportance.Normal, $"NativeCompat: could not read {host}: {e.Message}; treating the host as lacking {VersionName}.");
                hostHasVersion = false;
            }

            foreach (Microsoft.Build.Framework.ITaskItem item in Files)
            {
                string path = item.GetMetadata("FullPath");
                if (!File.Exists(path))
                {
                    Log.LogMessage(Microsoft.Build.Framework.MessageImportance.Normal, $"NativeCompat: {path} does not exist; nothing to do.");
                    continue;
                }

                if (hostHasVersion)
                {
                    Log.LogMessage(Microsoft.Build.Framework.MessageImportance.Normal, $"NativeCompat: host {HostLibrary} ({host}) is new enough (defines {VersionName}); {path} left as is.");
                    continue;
                }

                try
                {
                    PatchOutcome outcome = ElfVersionPatch.MarkVersionNeedWeak(path, VersionName);
                    switch (outcome)
                    {
                        case PatchOutcome.Patched:
                            Log.LogMessage(Microsoft.Build.Framework.MessageImportance.High, $"NativeCompat: Marked {VersionName} weak in {path} (host {HostLibrary}: {host ?? "not found"}).");
                            break;
                        case PatchOutcome.AlreadyWeak:
                            Log.LogMessage(Microsoft.Build.Framework.MessageImportance.Normal, $"NativeCompat: {path} already patched ({VersionName} is weak).");
                            break;
                        default:
                            Log.LogMessage(Microsoft.Build.Framework.MessageImportance.Normal, $"NativeCompat: {path} does not need {VersionName}; left as is.");
                            break;
                    }
                }
                catch (Exception e) when (e is InvalidDataException || e is IOException || e is UnauthorizedAccessException)
                {
                    Log.LogError(null, "NATIVECOMPAT001", null, path, 0, 0, 0, 0, $"NativeCompat: could not mark {VersionName} weak: {e.Message}");
                }
            }

            return !Log.HasLoggedErrors;
        }
    }
#endif
}
