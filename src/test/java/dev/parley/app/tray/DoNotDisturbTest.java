package dev.parley.app.tray;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class DoNotDisturbTest {
  static final ZoneId ZONE = ZoneId.of("America/New_York");

  @Test
  void untilTomorrowMeansTheComingMorning() {
    ZonedDateTime lateNight = ZonedDateTime.of(2026, 11, 24, 23, 50, 0, 0, ZONE);
    assertThat(DoNotDisturb.UNTIL_TOMORROW.until(lateNight))
        .isEqualTo(ZonedDateTime.of(2026, 11, 25, 8, 0, 0, 0, ZONE).toInstant());
    // Chosen in the small hours, "tomorrow" is the morning ahead, not the one after.
    ZonedDateTime earlyMorning = ZonedDateTime.of(2026, 11, 25, 0, 10, 0, 0, ZONE);
    assertThat(DoNotDisturb.UNTIL_TOMORROW.until(earlyMorning))
        .isEqualTo(ZonedDateTime.of(2026, 11, 25, 8, 0, 0, 0, ZONE).toInstant());
  }

  @Test
  void anHourIsAnHourAcrossTheClockChange() {
    ZonedDateTime beforeChange = ZonedDateTime.of(2026, 11, 1, 1, 30, 0, 0, ZONE);
    assertThat(DoNotDisturb.ONE_HOUR.until(beforeChange))
        .isEqualTo(beforeChange.toInstant().plusSeconds(3600));
    assertThat(DoNotDisturb.OFF.until(beforeChange)).isNull();
  }
}
