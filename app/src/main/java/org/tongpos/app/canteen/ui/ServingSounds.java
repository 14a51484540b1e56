package org.tongpos.app.canteen.ui;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.SourceDataLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The serving line's sound cues, different for yes and no: one short high tone for a meal served, two low ones for a
 * refusal, so the worker hears the outcome without looking. Played on a thread of their own; a terminal without a
 * sound device stays silent (logged once).
 */
public interface ServingSounds {

    ServingSounds SILENT = new ServingSounds() {
        @Override
        public void served() {
        }

        @Override
        public void refused() {
        }
    };

    void served();

    void refused();

    /** Tones through the default audio output ({@code javax.sound.sampled}). */
    static ServingSounds tones() {
        return new Tones();
    }

    /** Sine tones written to a line opened for each cue. */
    final class Tones implements ServingSounds {

        private static final Logger LOG = LoggerFactory.getLogger(Tones.class);
        private static final float RATE = 16_000f;

        private final ExecutorService player = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "serving-sounds");
            thread.setDaemon(true);
            return thread;
        });
        private volatile boolean unavailable;

        @Override
        public void served() {
            play(new int[] {1320}, 120);
        }

        @Override
        public void refused() {
            play(new int[] {330, 0, 330}, 140);
        }

        private void play(int[] hertz, int millisEach) {
            if (unavailable) {
                return;
            }
            player.execute(() -> {
                int samples = (int) (RATE * millisEach / 1000);
                byte[] pcm = new byte[samples * hertz.length];
                for (int t = 0; t < hertz.length; t++) {
                    for (int i = 0; i < samples; i++) {
                        double fade = Math.min(1.0, Math.min(i, samples - i) / (RATE * 0.005));
                        double value = hertz[t] == 0 ? 0 : Math.sin(2 * Math.PI * hertz[t] * i / RATE) * fade;
                        pcm[t * samples + i] = (byte) (value * 90);
                    }
                }
                AudioFormat format = new AudioFormat(RATE, 8, 1, true, false);
                try (SourceDataLine line = AudioSystem.getSourceDataLine(format)) {
                    line.open(format);
                    line.start();
                    line.write(pcm, 0, pcm.length);
                    line.drain();
                } catch (Exception | LinkageError e) {
                    unavailable = true;
                    LOG.info("no sound for the serving line ({}); it stays silent", e.toString());
                }
            });
        }
    }
}
