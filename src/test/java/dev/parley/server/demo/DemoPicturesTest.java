package dev.parley.server.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class DemoPicturesTest {

  @Test
  void everyKindOfPictureIsAPngOfEightHundredBySixHundred() throws IOException {
    for (String kind : DemoPictures.KINDS) {
      BufferedImage image = decode(DemoPictures.picture(kind, 42));

      assertThat(image).as(kind).isNotNull();
      assertThat(image.getWidth()).as(kind).isEqualTo(DemoPictures.WIDTH);
      assertThat(image.getHeight()).as(kind).isEqualTo(DemoPictures.HEIGHT);
    }
  }

  @Test
  void everyoneGetsASquareAvatarInTheirOwnColour() throws IOException {
    for (DemoPerson person : DemoCast.everyone()) {
      BufferedImage image = decode(DemoAvatars.avatar(person));

      assertThat(image.getWidth()).isEqualTo(DemoAvatars.SIZE);
      assertThat(image.getHeight()).isEqualTo(DemoAvatars.SIZE);
      assertThat(image.getRGB(DemoAvatars.SIZE - 2, DemoAvatars.SIZE - 2) & 0xFFFFFF)
          .as("bottom-right corner of %s", person.displayName())
          .isEqualTo(person.colour());
    }
  }

  @Test
  void initialsAreTheFirstLettersOfTheFirstAndLastName() {
    assertThat(new DemoPerson("x", "Priya Natarajan", "p@x", 0, false).initials()).isEqualTo("PN");
    assertThat(new DemoPerson("x", "Cher", "c@x", 0, false).initials()).isEqualTo("C");
  }

  @Test
  void anUnknownKindIsRefused() {
    assertThatThrownBy(() -> DemoPictures.picture("unicorn", 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static BufferedImage decode(byte[] png) throws IOException {
    assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    return ImageIO.read(new ByteArrayInputStream(png));
  }
}
