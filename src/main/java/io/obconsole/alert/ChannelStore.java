package io.obconsole.alert;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** The channels in the console database: the list, one by id, and the admin's changes. */
@ApplicationScoped
public class ChannelStore {

    public List<Channel> list() {
        return AlertTables.call("channels not read", StoredChannel::channels);
    }

    public Optional<Channel> find(long id) {
        return AlertTables.call("channel not read",
                () -> StoredChannel.<StoredChannel>findByIdOptional(id).map(StoredChannel::channel));
    }

    /** Inserts (id 0) or updates the channel; a name already taken is {@link ChannelRejectedException}. */
    public Channel save(Channel channel) {
        try {
            long id = AlertTables.call("channel not saved", () -> {
                StoredChannel stored = channel.id() == 0 ? new StoredChannel() : StoredChannel.findById(channel.id());
                if (stored == null) {
                    throw new ChannelNotFoundException(channel.id());
                }
                stored.take(channel);
                // the name's UNIQUE key answers here, inside the transaction
                stored.persistAndFlush();
                return stored.id;
            });
            return find(id).orElseThrow();
        } catch (AlertStoreException e) {
            if (AlertTables.duplicate(e)) {
                throw new ChannelRejectedException("A channel named '" + channel.name() + "' exists already",
                        "A channel of that name exists already");
            }
            throw e;
        }
    }

    public boolean delete(long id) {
        return AlertTables.call("channel not deleted", () -> StoredChannel.deleteById(id));
    }
}
