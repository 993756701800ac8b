package org.entente.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading the server process: jcmd's heap report and the targets of its descriptors. */
class MemoryReadingsTest {
  @Test
  void g1HeapInUseIsItsOneHeapLine() {
    String g1 =
        """
        12345:
         garbage-first heap   total 14336K, used 2865K [0x00000000f0000000, 0x0000000100000000)
          region size 1024K, 0 young (0K), 0 survivors (0K)
         Metaspace       used 8927K, committed 9088K, reserved 1114112K
          class space    used 1062K, committed 1152K, reserved 1048576K
        """;
    assertThat(LocalServer.usedHeap(g1)).hasValue(2865L * 1024);
  }

  @Test
  void aGenerationalHeapInUseIsTheSumOfItsGenerations() {
    String serial =
        """
        12345:
         def new generation   total 4928K, used 1000K [0x00000000f0000000, 0x00000000f0550000)
          eden space 4416K,  22% used [0x00000000f0000000, 0x00000000f00fa000)
         tenured generation   total 10944K, used 3000K [0x00000000f5550000, 0x00000000f6000000)
         Metaspace       used 8927K, committed 9088K, reserved 1114112K
        """;
    assertThat(LocalServer.usedHeap(serial)).hasValue(4000L * 1024);
  }

  @Test
  void aHeapReportInOtherWordsReadsAsUnknown() {
    assertThat(LocalServer.usedHeap(" ZHeap           used 8M, capacity 20M, max capacity 256M"))
        .isEmpty();
    assertThat(LocalServer.usedHeap("12345:\nAttachNotSupportedException")).isEmpty();
  }

  @Test
  void descriptorsAreSocketsDataFilesAndTheRest() {
    Path data = Path.of("/tmp/entente-bench-data123");
    OpenFiles files =
        OpenFiles.of(
            List.of(
                "socket:[4242]",
                "socket:[4243]",
                "/tmp/entente-bench-data123/sessions/ABC/journal-0001.seg",
                "/tmp/entente-bench-data123/owner.lock",
                "/tmp/entente-bench-data1234/other",
                "/usr/lib/jvm/java-17/lib/modules",
                "pipe:[77]",
                "anon_inode:[eventpoll]"),
            data);
    assertThat(files).isEqualTo(new OpenFiles(8, 2, 2));
  }

  @Test
  void bytesReadInTheirUnit() {
    assertThat(Report.bytes(java.util.OptionalLong.of(812))).isEqualTo("812 B");
    assertThat(Report.bytes(java.util.OptionalLong.of(38_400))).isEqualTo("37.5 KB");
    assertThat(Report.bytes(java.util.OptionalLong.of(-2048))).isEqualTo("-2.0 KB");
    assertThat(Report.bytes(java.util.OptionalLong.of(24_222_105))).isEqualTo("23.1 MB");
    assertThat(Report.bytes(java.util.OptionalLong.empty())).isEqualTo("-");
  }
}
