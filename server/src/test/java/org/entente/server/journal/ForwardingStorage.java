package org.entente.server.journal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** A storage that passes everything to another; tests override what they change. */
class ForwardingStorage implements Storage {
  private final Storage delegate;

  ForwardingStorage(Storage delegate) {
    this.delegate = delegate;
  }

  @Override
  public void createDirectories(Path dir) throws IOException {
    delegate.createDirectories(dir);
  }

  @Override
  public List<String> list(Path dir) throws IOException {
    return delegate.list(dir);
  }

  @Override
  public boolean isDirectory(Path path) {
    return delegate.isDirectory(path);
  }

  @Override
  public boolean exists(Path file) {
    return delegate.exists(file);
  }

  @Override
  public byte[] read(Path file) throws IOException {
    return delegate.read(file);
  }

  @Override
  public AppendFile openForAppend(Path file) throws IOException {
    return openAt(file, -1);
  }

  @Override
  public void sync(Path file) throws IOException {
    delegate.sync(file);
  }

  @Override
  public void truncate(Path file, long size) throws IOException {
    delegate.truncate(file, size);
  }

  @Override
  public void rename(Path from, Path to) throws IOException {
    delegate.rename(from, to);
  }

  @Override
  public void delete(Path file) throws IOException {
    delegate.delete(file);
  }

  @Override
  public void syncDirectory(Path dir) throws IOException {
    delegate.syncDirectory(dir);
  }

  @Override
  public AppendFile openAt(Path file, long position) throws IOException {
    return delegate.openAt(file, position);
  }

  @Override
  public java.io.Closeable lockExclusively(Path file) throws IOException {
    return delegate.lockExclusively(file);
  }
}
