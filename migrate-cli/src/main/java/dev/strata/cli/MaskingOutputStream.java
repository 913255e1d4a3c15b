package dev.strata.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Buffers a line at a time and masks secrets in it before passing it on. */
final class MaskingOutputStream extends OutputStream {
    private final OutputStream target;
    private final SecretMasker masker;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);

    MaskingOutputStream(OutputStream target, SecretMasker masker) {
        this.target = target;
        this.masker = masker;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        line.write(b);
        if (b == '\n') {
            emit();
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        for (int i = offset; i < offset + length; i++) {
            write(bytes[i]);
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        emit();
        target.flush();
    }

    @Override
    public void close() throws IOException {
        flush();
    }

    private void emit() throws IOException {
        if (line.size() == 0) {
            return;
        }
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        target.write(masker.mask(text).getBytes(StandardCharsets.UTF_8));
    }
}
